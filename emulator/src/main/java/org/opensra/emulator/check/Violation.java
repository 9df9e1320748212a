package org.opensra.emulator.check;

/** A failed check: the requirement it breaks, what was wrong, and the offending command's folder. */
public record Violation(String requirementId, String message, String command, String folder) {
    @Override
    public String toString() {
        return requirementId + ": " + message + (command == null ? "" : " [" + command + ", " + folder + "]");
    }
}
