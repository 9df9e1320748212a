package org.opensra.emulator.workflow;

import org.opensra.emulator.check.CommonChecks;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.sra.Invocation;
import org.opensra.emulator.sra.SraRunner;

/** One SRM site talking to its SRA: runs commands with this site's connection and applies the common checks. */
public final class Site {
    private final SiteConfig config;
    private final SraRunner runner;
    private final CommonChecks checks;
    private String arrayId;
    private org.opensra.emulator.chaos.KillMode kills;

    public Site(SiteConfig config, SraRunner runner, CommonChecks checks) {
        this.config = config;
        this.runner = runner;
        this.checks = checks;
    }

    public String name() {
        return config.name();
    }

    public SiteConfig config() {
        return config;
    }

    public String arrayId() {
        return arrayId;
    }

    void arrayId(String id) {
        this.arrayId = id;
    }

    /** The kill-and-retry mode ({@code run --kill}): a killed run before each mutating command. */
    void kills(org.opensra.emulator.chaos.KillMode k) {
        this.kills = k;
    }

    /** A command without Connections (queryInfo, queryStrings, ...). */
    public Invocation query(String command, String parameters) {
        Invocation inv = runner.run(name(), command, null, parameters);
        checks.apply(inv, config.connection());
        return inv;
    }

    /** A request rewritten on purpose (malformed, with a DTD); no common checks, the caller judges the answer. */
    public Invocation raw(String command, java.util.function.UnaryOperator<String> rewrite) {
        return runner.run(name(), command, null, null, rewrite);
    }

    /** An array command with other connection values (e.g. a device-name filter, CONN-3). */
    public Invocation array(String command, String parameters, org.opensra.emulator.site.ConnectionValues values) {
        Invocation inv = runner.run(name(), command, values, parameters);
        checks.apply(inv, values);
        return inv;
    }

    /** An array command with this site's Connections, its request rewritten as real SRM writes it (TOL-1). */
    public Invocation arrayRewritten(String command, String parameters, java.util.function.UnaryOperator<String> rewrite) {
        Invocation inv = runner.run(name(), command, config.connection(), parameters, rewrite);
        checks.apply(inv, config.connection());
        return inv;
    }

    /** An array command with this site's Connections. */
    public Invocation array(String command, String parameters) {
        if (kills != null) {
            kills.before(name(), command, config.connection(), parameters);
        }
        Invocation inv = runner.run(name(), command, config.connection(), parameters);
        checks.apply(inv, config.connection());
        if (kills != null) {
            kills.after(name(), command, inv);
        }
        return inv;
    }

    @Override
    public String toString() {
        return "site " + name();
    }
}
