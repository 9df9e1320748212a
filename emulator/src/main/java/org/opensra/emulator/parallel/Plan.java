package org.opensra.emulator.parallel;

/** One recovery plan of a parallel run: a kind, its protection group (none for discovery) and its direction. */
record Plan(String name, PlanKind kind, Unit unit, String protectedSite, String recoverySite) {
    String label() {
        return name + " " + kind.id() + (unit != null ? " " + unit.label() : " (" + protectedSite + " to " + recoverySite + ")");
    }
}
