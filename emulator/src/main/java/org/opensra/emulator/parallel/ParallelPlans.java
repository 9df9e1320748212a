package org.opensra.emulator.parallel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensra.emulator.data.DataPlugin;
import org.opensra.emulator.data.DataPluginException;
import org.opensra.emulator.data.Patterns;
import org.opensra.emulator.model.Inventory;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.sra.SraRunner;

/**
 * INV-7: several recovery plans at once, as SRM runs them for different protection groups, in both directions;
 * plus two testFailoverStart at once on one group, which must give one success and one clean error. Afterwards
 * both arrays must report a consistent state ({@link Convergence}).
 */
public final class ParallelPlans {
    static final long DATA_OFFSET = 8192;
    private static final int DATA_LENGTH = 16384;

    private final SiteConfig a;
    private final SiteConfig b;
    private final SraRunner runner;
    private final Duration syncTimeout;
    private final PrintStream out;
    private final Map<String, DataPlugin> plugins = new HashMap<>();

    public ParallelPlans(Path commandPl, SiteConfig a, SiteConfig b, Path reportDir, Duration commandTimeout,
                         Duration syncTimeout, PrintStream out) {
        this.a = a;
        this.b = b;
        this.runner = new SraRunner(commandPl, reportDir, commandTimeout, "verbose", inv -> { });
        this.syncTimeout = syncTimeout;
        this.out = out;
        a.data().ifPresent(d -> plugins.put(a.name(), new DataPlugin(d, 120)));
        b.data().ifPresent(d -> plugins.put(b.name(), new DataPlugin(d, 120)));
    }

    /** Kills SRA processes still running (Ctrl-C). */
    public void interrupt() {
        runner.killAll();
    }

    public ParallelSummary run(int n) throws InterruptedException {
        long started = System.nanoTime();
        SraSession sra = new SraSession(runner, a, b);
        Discovery discovery = new Discovery(sra);
        List<PlanResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Inventory> before = new HashMap<>();
        try {
            discovery.arrays(a.name(), b.name());
            before.put(a.name(), discovery.devices(a.name()));
            before.put(b.name(), discovery.devices(b.name()));
        } catch (PlanFailure e) {
            problems.add("setup: " + e.getMessage());
            return new ParallelSummary(results, null, problems, 0, elapsed(started));
        }
        PlanChooser chooser = new PlanChooser(a.name(), b.name(),
                Discovery.units(a.name(), b.name(), before.get(a.name()), before.get(b.name())),
                Discovery.units(b.name(), a.name(), before.get(b.name()), before.get(a.name())));
        List<Plan> plans = chooser.plans(n);
        Unit conflict = chooser.conflictUnit();
        Map<String, byte[]> written = writeData(plans, problems);
        for (Plan p : plans) {
            out.println("plan " + p.label());
        }
        out.println(conflict == null ? "conflict: no protection group left for two testFailoverStart at once"
                : "conflict: two testFailoverStart at once on " + conflict.label());

        PlanExecutor exec = new PlanExecutor(sra, syncTimeout);
        ExecutorService pool = Executors.newFixedThreadPool(plans.size() + 2);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<PlanResult>> planFutures = new ArrayList<>();
        List<Future<Invocation>> conflictFutures = new ArrayList<>();
        try {
            for (Plan p : plans) {
                planFutures.add(pool.submit(() -> {
                    gate.await();
                    return runPlan(exec, p);
                }));
            }
            if (conflict != null) {
                for (int i = 0; i < 2; i++) {
                    conflictFutures.add(pool.submit(() -> {
                        gate.await();
                        return exec.startTest(conflict);
                    }));
                }
            }
            gate.countDown();
            for (Future<PlanResult> f : planFutures) {
                results.add(get(f));
            }
            List<Invocation> both = new ArrayList<>();
            for (Future<Invocation> f : conflictFutures) {
                both.add(get(f));
            }
            ConflictResult cr = conflict == null ? null : ConflictResult.judge(conflict, both, exec);
            if (conflict == null) {
                problems.add("no protection group left for the same-group conflict; the lab needs more groups");
            }
            Map<String, Inventory> after = new HashMap<>();
            after.put(a.name(), discovery.devices(a.name()));
            after.put(b.name(), discovery.devices(b.name()));
            Convergence conv = new Convergence(after, plugins);
            List<Unit> planned = new ArrayList<>();
            for (Plan p : plans) {
                if (p.unit() == null) {
                    continue;
                }
                planned.add(p.unit());
                if (p.kind() == PlanKind.FAILOVER) {
                    conv.failedOver(p.unit(), exec.promoted(), written);
                } else {
                    conv.unchanged(p.unit(), written);
                }
            }
            if (conflict != null) {
                conv.unchanged(conflict, written);
            }
            problems.addAll(conv.problems());
            return new ParallelSummary(results, cr, problems, conv.verifiedReads(), elapsed(started));
        } catch (PlanFailure e) {
            problems.add("convergence: " + e.getMessage());
            return new ParallelSummary(results, null, problems, 0, elapsed(started));
        } finally {
            pool.shutdownNow();
        }
    }

    private static PlanResult runPlan(PlanExecutor exec, Plan p) {
        long t0 = System.nanoTime();
        try {
            exec.run(p);
            return new PlanResult(p.name(), p.label(), true, "", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            return new PlanResult(p.name(), p.label(), false, String.valueOf(e.getMessage()),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new PlanFailure("plan thread failed: " + e.getCause());
        }
    }

    /** A fresh pattern on every source of the sync and failover plans, written before the plans start. */
    private Map<String, byte[]> writeData(List<Plan> plans, List<String> problems) {
        Map<String, byte[]> written = new HashMap<>();
        for (Plan p : plans) {
            if (p.unit() == null || (p.kind() != PlanKind.SYNC && p.kind() != PlanKind.FAILOVER)) {
                continue;
            }
            DataPlugin plugin = plugins.get(p.protectedSite());
            if (plugin == null || !plugins.containsKey(p.recoverySite())) {
                continue;
            }
            for (Unit.Member m : p.unit().members()) {
                byte[] bytes = Patterns.of("parallel-" + p.name() + "/" + m.sourceId() + "/" + System.nanoTime(), DATA_LENGTH);
                try {
                    plugin.write(m.sourceId(), DATA_OFFSET, bytes);
                    written.put(m.sourceId(), bytes);
                } catch (DataPluginException e) {
                    problems.add(p.label() + ": cannot write test data to " + m.sourceId() + ": " + e.getMessage());
                }
            }
        }
        return written;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
