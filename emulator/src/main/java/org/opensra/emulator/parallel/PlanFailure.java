package org.opensra.emulator.parallel;

/** A plan step that did not succeed; the message names the command, site and error. */
final class PlanFailure extends RuntimeException {
    PlanFailure(String message) {
        super(message, null, false, false);
    }
}
