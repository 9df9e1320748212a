package org.opensra.emulator.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opensra.emulator.check.Violation;
import org.opensra.emulator.site.ConnectionValues;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.sra.SraRunner;

/**
 * {@code srm-emulator run --kill}: before each mutating command of SRM's workflows the SRA is started
 * with the same request and SIGKILLed at a random instant of the command's duration (measured from its
 * uninterrupted runs; before the first, from the longest command seen), as a crash of SRM's host would
 * end it. Then SRM's next step: the same command again (the workflow's own run, judged by its usual
 * checks), and for testFailoverStart first SRM's Cleanup (testFailoverStop of the same items), since a
 * start again would rightly answer 1011 for copies the killed start made (TF-6). A kill converged when
 * no check failed on that next step and no process of the SRA folder outlived the kill.
 */
public final class KillMode {
    /** The commands SRM retries after a failure (the state-changing ones). */
    static final Set<String> MUTATING = Set.of("syncOnce", "prepareFailover", "failover", "reverseReplication",
            "restoreReplication", "testFailoverStart", "testFailoverStop");
    private static final long GRACE_MILLIS = 5_000;

    private record Kill(String site, String command, long atMillis, long durationMillis, String retryFolder) {
    }

    private final long seed;
    private final Random random;
    private final Path commandPl;
    private final String sraFolder;
    private final PrintStream progress;
    private final Map<String, Long> durations = new HashMap<>();
    private final Set<String> testRunning = new HashSet<>();
    private final List<Kill> kills = new ArrayList<>();
    private Kill pending;
    private long longest = 1_000;
    private int orphans;
    private final List<String> problems = new ArrayList<>();
    private SraRunner runner;

    public KillMode(long seed, Path commandPl, PrintStream progress) {
        this.seed = seed;
        this.random = new Random(seed);
        this.commandPl = commandPl.toAbsolutePath();
        this.sraFolder = this.commandPl.getParent().toString() + java.io.File.separator;
        this.progress = progress;
    }

    public long seed() {
        return seed;
    }

    /** The runner the workflows use (for SRM's Cleanup, judged like any command of the run). */
    public void runner(SraRunner r) {
        this.runner = r;
    }

    /** Called before the workflow runs {@code command}: a killed run of it, then SRM's Cleanup if needed. */
    public void before(String site, String command, ConnectionValues connection, String parameters) {
        if (!MUTATING.contains(command) || ("testFailoverStart".equals(command) && testRunning.contains(site))) {
            return; // a start during a test is the workflow's TF-6 check: killing it and cleaning up would undo the test
        }
        long d = durations.getOrDefault(command, longest);
        long at = (long) (random.nextDouble() * d);
        try {
            KilledRun.Outcome o = KilledRun.run(commandPl, command, connection, parameters, at);
            List<Long> left = Survivors.after(sraFolder, GRACE_MILLIS);
            if (!left.isEmpty()) {
                orphans += left.size();
                problems.add("seed " + seed + ": site " + site + " " + command + " killed at " + o.atMillis()
                        + " ms: processes of the SRA folder outlived the kill: " + left);
            }
            if (o.killed()) {
                pending = new Kill(site, command, o.atMillis(), d, null);
                if (progress != null) {
                    progress.println("  [kill] seed " + seed + ": SIGKILL of site " + site + " " + command + " at "
                            + o.atMillis() + " ms of " + d + " ms; SRM's next step follows");
                }
            } // else it ended before the instant: not a kill, but a start that ran still needs the Cleanup
            if ("testFailoverStart".equals(command) && runner != null) {
                String stop = cleanup(parameters);
                if (stop != null) {
                    runner.run(site, "testFailoverStop", connection, stop);
                }
            }
        } catch (IOException e) {
            problems.add("seed " + seed + ": site " + site + " " + command + ": cannot run the killed command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called with the workflow's own run of the command (SRM's next step after a kill). */
    public void after(String site, String command, Invocation inv) {
        if (inv.exitCode() == 0 && inv.timedOut() == false && inv.root().isPresent()) {
            durations.merge(command, inv.durationMillis(), Math::max);
            longest = Math.max(longest, inv.durationMillis());
        }
        boolean ok = inv.root().isPresent() && org.opensra.emulator.xml.Xml.child(inv.root().get(), "Error").isEmpty();
        if ("testFailoverStart".equals(command) && ok) {
            testRunning.add(site);
        } else if ("testFailoverStop".equals(command) && ok) {
            testRunning.remove(site);
        }
        if (pending != null && pending.site().equals(site) && pending.command().equals(command)) {
            kills.add(new Kill(site, command, pending.atMillis(), pending.durationMillis(), inv.folderName()));
            pending = null;
        }
    }

    /** testFailoverStop parameters for the items of testFailoverStart parameters (SRM's Cleanup); null if unreadable. */
    static String cleanup(String startParameters) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new java.io.StringReader(startParameters))).getDocumentElement();
            StringBuilder b = new StringBuilder("  <TestFailoverStopParameters>\n");
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof org.w3c.dom.Element e)) {
                    continue;
                }
                if ("ArrayId".equals(e.getTagName())) {
                    b.append("    <ArrayId>").append(esc(e.getTextContent().trim())).append("</ArrayId>\n");
                } else if ("TargetGroups".equals(e.getTagName()) || "TargetDevices".equals(e.getTagName())) {
                    String item = e.getTagName().substring(0, e.getTagName().length() - 1);
                    b.append("    <").append(e.getTagName()).append(">\n");
                    for (org.w3c.dom.Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                        if (m instanceof org.w3c.dom.Element i && item.equals(i.getTagName())) {
                            b.append("      <").append(item).append(" key=\"").append(esc(i.getAttribute("key")))
                                    .append("\"/>\n");
                        }
                    }
                    b.append("    </").append(e.getTagName()).append(">\n");
                }
            }
            return b.append("  </TestFailoverStopParameters>\n").toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** The figures and the kills that did not converge, after the run. */
    public Summary summary(List<Violation> violations) {
        Set<String> failedFolders = new HashSet<>();
        for (Violation v : violations) {
            if (v.folder() != null) {
                failedFolders.add(Path.of(v.folder()).getFileName().toString());
            }
        }
        List<String> notConverged = new ArrayList<>(problems);
        int converged = 0;
        for (Kill k : kills) {
            if (k.retryFolder() != null && failedFolders.contains(k.retryFolder())) {
                notConverged.add("seed " + seed + ": site " + k.site() + " " + k.command() + " killed at " + k.atMillis()
                        + " ms (of " + k.durationMillis() + " ms): SRM's next step " + k.retryFolder() + " failed a check");
            } else {
                converged++;
            }
        }
        if (pending != null) {
            notConverged.add("seed " + seed + ": site " + pending.site() + " " + pending.command()
                    + " killed; the workflow never ran it again");
        }
        return new Summary(seed, kills.size() + (pending == null ? 0 : 1), converged, orphans, notConverged);
    }

    /** What the kill mode reports: {@code kills}, {@code converged}, {@code orphan_processes}. */
    public record Summary(long seed, int kills, int converged, int orphanProcesses, List<String> notConverged) {
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append("seed: ").append(seed).append('\n');
            b.append("kills: ").append(kills).append('\n');
            b.append("converged: ").append(converged).append('\n');
            b.append("orphan_processes: ").append(orphanProcesses).append('\n');
            notConverged.forEach(n -> b.append("not converged: ").append(n).append('\n'));
            return b.toString();
        }

        public boolean passed() {
            return converged == kills && orphanProcesses == 0 && notConverged.isEmpty();
        }
    }
}
