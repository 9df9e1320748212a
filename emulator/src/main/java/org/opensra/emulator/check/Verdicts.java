package org.opensra.emulator.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensra.emulator.sra.Invocation;

/** Collects which requirements were checked, which failed (with violations) and which could not run. */
public final class Verdicts {
    private final Set<String> checked = new LinkedHashSet<>();
    private final Map<String, String> notRun = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, String> notObservable = new LinkedHashMap<>();
    private final Proofs proofs;

    public Verdicts() {
        this(Proofs.bundled());
    }

    public Verdicts(Proofs proofs) {
        this.proofs = proofs;
        notObservable.putAll(proofs.notObservable());
    }

    /** A requirement this run cannot observe (e.g. the SRA never took the path it governs), with the reason. */
    public synchronized void notObservable(String id, String reason) {
        notObservable.putIfAbsent(id, reason);
    }

    public Proofs proofs() {
        return proofs;
    }

    /** Records a check of {@code id}; when {@code ok} is false, a violation naming {@code inv}. */
    public synchronized boolean check(String id, boolean ok, String message, Invocation inv) {
        checked.add(id);
        if (!ok) {
            violations.add(new Violation(id, message, inv == null ? null : inv.label(),
                    inv == null ? null : inv.folderName()));
        }
        return ok;
    }

    public synchronized void fail(String id, String message, Invocation inv) {
        check(id, false, message, inv);
    }

    public synchronized void pass(String id) {
        checked.add(id);
    }

    /** A check that could not run (e.g. no data plug-in); never counted as passed. */
    public synchronized void notRun(String id, String reason) {
        notRun.putIfAbsent(id, reason);
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    public synchronized Status status(String id) {
        if (violations.stream().anyMatch(v -> v.requirementId().equals(id))) {
            return Status.FAILED;
        }
        if (checked.contains(id)) {
            return proofs.proven(id) ? Status.PASSED : Status.UNVERIFIED;
        }
        if (notObservable.containsKey(id)) {
            return Status.NOT_OBSERVABLE;
        }
        return notRun.containsKey(id) ? Status.NOT_RUN : Status.NOT_CHECKED;
    }

    /** The reason shown for a status that is not PASSED or FAILED; null when there is none. */
    public synchronized String reason(String id) {
        return switch (status(id)) {
            case UNVERIFIED -> "the check held, but no wrong-SRA test proves that it can fail";
            case NOT_OBSERVABLE -> notObservable.get(id);
            case NOT_RUN -> notRun.get(id);
            case NOT_CHECKED -> "not checked by the emulator";
            default -> null;
        };
    }

    public synchronized String notRunReason(String id) {
        return notRun.get(id);
    }

    public synchronized List<Violation> violationsOf(String id) {
        return violations.stream().filter(v -> v.requirementId().equals(id)).toList();
    }

    /** Pending checks keyed by a name that is not a requirement ID (e.g. the XML Schema check). */
    public synchronized Map<String, String> notRunEntries() {
        return Map.copyOf(notRun);
    }

    public synchronized Set<String> checkedIds() {
        return Set.copyOf(checked);
    }
}
