package org.opensra.emulator.check;

/** One line of the requirements digest (REQUIREMENTS.md). */
public record Requirement(String id, String text) {
}
