package org.opensra.emulator.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opensra.emulator.check.Verdicts;
import org.opensra.emulator.data.DataPlugin;
import org.opensra.emulator.data.DataPluginException;
import org.opensra.emulator.data.Patterns;
import org.opensra.emulator.sra.Invocation;

/**
 * Data checks through the sites' data plug-ins: known patterns written at one site, read back at the other.
 * The batch forms ({@link #writeAll}, {@link #expectAll}) use the plug-in's list commands where it has them (one
 * command per site for all devices), else run up to {@link #PARALLEL} single commands at once (each is a process
 * of its own, mostly starting up); they judge the results in the given order.
 */
public final class DataChecks {
    static final long OFFSET = 8192;
    static final int LENGTH = 16384;
    static final int PARALLEL = 4;

    private final Map<String, DataPlugin> plugins;
    private final Verdicts verdicts;
    private final AtomicLong bytesReplicated = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();

    public DataChecks(Map<String, DataPlugin> plugins, Verdicts verdicts) {
        this.plugins = Map.copyOf(plugins);
        this.verdicts = verdicts;
    }

    /** Data checks need a data plug-in at both sites. */
    public boolean enabled() {
        return plugins.size() == 2;
    }

    public long bytesReplicated() {
        return bytesReplicated.get();
    }

    public long bytesWritten() {
        return bytesWritten.get();
    }

    /**
     * One read-back check: {@code device} at {@code site} must hold {@code bytes} (or, {@code mustNot}, must not
     * hold them).
     */
    public record Expectation(String requirement, Site site, String device, byte[] bytes, boolean mustNot,
                              String what, Invocation inv) {
        public static Expectation holds(String requirement, Site site, String device, byte[] bytes, String what,
                                        Invocation inv) {
            return new Expectation(requirement, site, device, bytes, false, what, inv);
        }

        public static Expectation holdsNot(String requirement, Site site, String device, byte[] bytes, String what,
                                           Invocation inv) {
            return new Expectation(requirement, site, device, bytes, true, what, inv);
        }
    }

    /** Writes pattern {@code label} to each device (device to label, in order); returns device to bytes written. */
    public Map<String, byte[]> writeAll(String requirement, Site site, Map<String, String> labels) {
        List<String> devices = new ArrayList<>(labels.keySet());
        List<byte[]> patterns = new ArrayList<>();
        for (String device : devices) {
            patterns.add(Patterns.of(labels.get(device) + "/" + device, LENGTH));
        }
        DataPlugin plugin = plugins.get(site.name());
        List<Object> done = null;
        if (devices.size() > 1 && plugin.batches()) {
            List<DataPlugin.Item> items = new ArrayList<>();
            for (int i = 0; i < devices.size(); i++) {
                items.add(DataPlugin.Item.write(devices.get(i), OFFSET, patterns.get(i)));
            }
            try {
                plugin.writeMany(items);
                done = new ArrayList<>(patterns);
            } catch (DataPluginException e) {
                // one device at a time below: the failure is then reported for the device it concerns
            }
        }
        if (done == null) {
            done = parallel(devices.size(), i -> {
                plugin.write(devices.get(i), OFFSET, patterns.get(i));
                return patterns.get(i);
            });
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.get(i);
            if (done.get(i) instanceof byte[] bytes) {
                bytesWritten.addAndGet(bytes.length);
            } else {
                verdicts.fail(requirement, "cannot write test data to " + device + " at site " + site.name() + ": "
                        + done.get(i), null);
            }
            out.put(device, patterns.get(i));
        }
        return out;
    }

    /** Reads every expectation's device (see {@link #readAll}), then judges them in the given order. */
    public void expectAll(List<Expectation> expectations) {
        List<Object> got = readAll(expectations);
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            if (!(got.get(i) instanceof byte[] bytes)) {
                verdicts.fail(e.requirement(), "cannot read " + e.device() + " at site " + e.site().name() + ": "
                        + got.get(i), null);
            } else if (e.mustNot()) {
                judgeNot(e.requirement(), e.site(), e.device(), bytes, e.bytes(), e.what(), e.inv());
            } else {
                judge(e.requirement(), e.site(), e.device(), bytes, e.bytes(), e.what(), e.inv());
            }
        }
    }

    /**
     * The bytes at each expectation's device, or its failure's message: per site one list command where the
     * site's plug-in has them (one device at a time if that fails), else several single reads at once.
     */
    private List<Object> readAll(List<Expectation> expectations) {
        Object[] got = new Object[expectations.size()];
        List<Integer> single = new ArrayList<>();
        Map<String, List<Integer>> bySite = new LinkedHashMap<>();
        for (int i = 0; i < expectations.size(); i++) {
            bySite.computeIfAbsent(expectations.get(i).site().name(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> site : bySite.entrySet()) {
            DataPlugin plugin = plugins.get(site.getKey());
            List<Integer> indexes = site.getValue();
            if (indexes.size() > 1 && plugin.batches()) {
                List<DataPlugin.Item> items = new ArrayList<>();
                for (int i : indexes) {
                    items.add(DataPlugin.Item.read(expectations.get(i).device(), OFFSET, LENGTH));
                }
                try {
                    List<byte[]> read = plugin.readMany(items);
                    for (int k = 0; k < indexes.size(); k++) {
                        got[indexes.get(k)] = read.get(k);
                    }
                    continue;
                } catch (DataPluginException e) {
                    // one device at a time: the failure is then reported for the device it concerns
                }
            }
            single.addAll(indexes);
        }
        List<Object> one = parallel(single.size(), k -> {
            Expectation e = expectations.get(single.get(k));
            return plugins.get(e.site().name()).read(e.device(), OFFSET, LENGTH);
        });
        for (int k = 0; k < single.size(); k++) {
            got[single.get(k)] = one.get(k);
        }
        return java.util.Arrays.asList(got);
    }

    private interface PluginCall {
        byte[] run(int index) throws DataPluginException;
    }

    /** Runs {@code call} for 0..n-1, at most PARALLEL at once: each result's bytes, or its failure's message. */
    private static List<Object> parallel(int n, PluginCall call) {
        List<Object> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, n), r -> {
            Thread t = new Thread(r, "data-plugin");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<byte[]>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.run(index)));
            }
            for (Future<byte[]> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    out.add(cause instanceof DataPluginException ? cause.getMessage() : String.valueOf(cause));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowAbort("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code got} must equal {@code expected}; counts replicated bytes. */
    private boolean judge(String requirement, Site site, String device, byte[] got, byte[] expected, String what,
                          Invocation inv) {
        boolean ok = Arrays.equals(got, expected);
        verdicts.check(requirement, ok, what + ": " + device + " at site " + site.name()
                + " does not hold the expected bytes (" + firstDifference(got, expected) + ")", inv);
        if (ok) {
            bytesReplicated.addAndGet(expected.length);
        }
        return ok;
    }

    /** {@code got} must differ from {@code discarded}. */
    private boolean judgeNot(String requirement, Site site, String device, byte[] got, byte[] discarded, String what,
                             Invocation inv) {
        return verdicts.check(requirement, !Arrays.equals(got, discarded), what + ": " + device + " at site "
                + site.name() + " still holds the bytes that should have been discarded", inv);
    }

    private static String firstDifference(byte[] got, byte[] expected) {
        if (got.length != expected.length) {
            return "read " + got.length + " bytes, expected " + expected.length;
        }
        for (int i = 0; i < got.length; i++) {
            if (got[i] != expected[i]) {
                return "first difference at byte " + (OFFSET + i);
            }
        }
        return "identical";
    }
}
