package org.opensra.emulator.workflow;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.xml.Xml;

/** Every command of the run with the workflow it belonged to; optionally printed as progress lines. */
public final class RunLog {
    /** One command of the run. */
    public record Entry(String workflow, Invocation invocation, String outcome) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final PrintStream progress;
    private volatile String workflow = "setup";

    public RunLog(PrintStream progress) {
        this.progress = progress;
    }

    public void workflow(String id) {
        this.workflow = id;
        if (progress != null) {
            progress.println("== " + id);
            progress.flush();
        }
    }

    public String workflow() {
        return workflow;
    }

    public synchronized void record(Invocation inv) {
        String outcome = outcome(inv);
        entries.add(new Entry(workflow, inv, outcome));
        if (progress != null) {
            progress.printf("  %-5s site %s  %-28s %7.2f s  %s%n", workflow.split(" ")[0], inv.site(), inv.command(),
                    inv.durationMillis() / 1000.0, outcome);
            progress.flush();
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** ok, warning, error (top-level or per-item Error), timeout, or invalid. */
    static String outcome(Invocation inv) {
        if (inv.timedOut()) {
            return "timeout";
        }
        if (inv.root().isEmpty()) {
            return "invalid";
        }
        var root = inv.root().get();
        if (!Xml.children(root, "Error").isEmpty()) {
            return "error";
        }
        if (!Xml.descendants(root, "Error").isEmpty()) {
            return "partial";
        }
        return Xml.descendants(root, "Warning").isEmpty() ? "ok" : "warning";
    }

    public synchronized Optional<Entry> of(Invocation inv) {
        return entries.stream().filter(e -> e.invocation() == inv).findFirst();
    }
}
