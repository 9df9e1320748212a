package org.opensra.emulator.site;

/** A credential value whose toString never reveals it. */
public record Secret(String value) {
    public boolean isEmpty() {
        return value == null || value.isEmpty();
    }

    @Override
    public String toString() {
        return "********";
    }
}
