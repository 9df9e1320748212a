package org.opensra.emulator.parallel;

/** How one plan (or one side of a same-group conflict) ended: succeeded, or failed with a message. */
public record PlanResult(String name, String what, boolean ok, String message, long millis) {
}
