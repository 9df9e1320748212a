package org.opensra.emulator.workflow;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opensra.emulator.check.Verdicts;
import org.opensra.emulator.data.DataPlugin;
import org.opensra.emulator.data.DataPluginException;
import org.opensra.emulator.data.Patterns;
import org.opensra.emulator.sra.Invocation;

/** Data checks through the sites' data plug-ins: known patterns written at one site, read back at the other. */
public final class DataChecks {
    static final long OFFSET = 8192;
    static final int LENGTH = 16384;

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

    /** Writes the pattern {@code label} to {@code device}; a failure is a violation of {@code requirement}. */
    public byte[] write(String requirement, Site site, String device, String label) {
        byte[] bytes = Patterns.of(label + "/" + device, LENGTH);
        try {
            plugins.get(site.name()).write(device, OFFSET, bytes);
            bytesWritten.addAndGet(bytes.length);
        } catch (DataPluginException e) {
            verdicts.fail(requirement, "cannot write test data to " + device + " at site " + site.name() + ": "
                    + e.getMessage(), null);
        }
        return bytes;
    }

    public byte[] read(String requirement, Site site, String device) {
        try {
            return plugins.get(site.name()).read(device, OFFSET, LENGTH);
        } catch (DataPluginException e) {
            verdicts.fail(requirement, "cannot read " + device + " at site " + site.name() + ": " + e.getMessage(),
                    null);
            return null;
        }
    }

    /** Reads {@code device} at {@code site} and expects exactly {@code expected}; counts replicated bytes. */
    public boolean expect(String requirement, Site site, String device, byte[] expected, String what, Invocation inv) {
        byte[] got = read(requirement, site, device);
        if (got == null) {
            return false;
        }
        boolean ok = Arrays.equals(got, expected);
        verdicts.check(requirement, ok, what + ": " + device + " at site " + site.name()
                + " does not hold the expected bytes (" + firstDifference(got, expected) + ")", inv);
        if (ok) {
            bytesReplicated.addAndGet(expected.length);
        }
        return ok;
    }

    /** Expects {@code device} NOT to hold {@code discarded}. */
    public boolean expectNot(String requirement, Site site, String device, byte[] discarded, String what,
                             Invocation inv) {
        byte[] got = read(requirement, site, device);
        if (got == null) {
            return false;
        }
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
