package org.opensra.emulator.parallel;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/**
 * Two testFailoverStart at once on one group: exactly one must succeed (with a test copy) and the other must
 * be refused cleanly (a response with an Error, TF-6); the test is then stopped once (TF-7).
 */
public record ConflictResult(String unit, int successes, int cleanErrors, List<String> details) {
    public boolean ok() {
        return successes == 1 && cleanErrors == 1 && details.stream().noneMatch(d -> d.startsWith("cleanup"));
    }

    static ConflictResult judge(Unit u, List<Invocation> both, PlanExecutor exec) {
        int ok = 0;
        int refused = 0;
        List<String> details = new ArrayList<>();
        for (Invocation inv : both) {
            if (inv.timedOut() || inv.root().isEmpty()) {
                details.add(inv.label() + ": no usable response (exit " + inv.exitCode() + ")");
                continue;
            }
            Optional<Element> err = SraSession.anyError(inv, SraSession.targetItems(u));
            if (err.isPresent()) {
                refused++;
                details.add(inv.label() + ": refused: " + SraSession.describe(err.get()));
                continue;
            }
            try {
                Element item = SraSession.items(inv, SraSession.targetItems(u)).get(u.group() ? u.targetKey() : u.targetKey());
                if (child(item, "Snapshot").map(s -> attr(s, "id")).isPresent()) {
                    ok++;
                    details.add(inv.label() + ": success");
                } else {
                    details.add(inv.label() + ": success without a Snapshot id");
                }
            } catch (PlanFailure e) {
                details.add(e.getMessage());
            }
        }
        if (ok > 0) {
            try {
                exec.testFailoverStop(u);
            } catch (PlanFailure e) {
                details.add("cleanup: " + e.getMessage());
            }
        }
        return new ConflictResult(u.label(), ok, refused, details);
    }
}
