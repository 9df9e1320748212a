package org.opensra.emulator.workflow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opensra.emulator.check.CommonChecks;
import org.opensra.emulator.check.RequirementCatalog;
import org.opensra.emulator.check.SchemaCheck;
import org.opensra.emulator.check.Verdicts;
import org.opensra.emulator.data.DataPlugin;
import org.opensra.emulator.site.SiteConfig;
import org.opensra.emulator.sra.SraCommand;
import org.opensra.emulator.sra.SraRunner;

/** One emulator run: SRM at two sites against one SRA, all checks, result for the reports. */
public final class Emulation {
    public static final String DATA_CHECKS_KEY = "Data checks";

    private final SraCommand sra;
    private final SiteConfig protectedSite;
    private final SiteConfig recoverySite;
    private final Path reportDir;
    private final Options options;
    private final Duration commandTimeout;
    private final PrintStream progress;
    private volatile SraRunner runner;
    private org.opensra.emulator.chaos.KillMode kills;

    public Emulation(Path commandPl, SiteConfig protectedSite, SiteConfig recoverySite, Path reportDir,
                     Options options, Duration commandTimeout, PrintStream progress) {
        this(SraCommand.local(commandPl), protectedSite, recoverySite, reportDir, options, commandTimeout, progress);
    }

    public Emulation(SraCommand sra, SiteConfig protectedSite, SiteConfig recoverySite, Path reportDir,
                     Options options, Duration commandTimeout, PrintStream progress) {
        this.sra = sra;
        this.protectedSite = protectedSite;
        this.recoverySite = recoverySite;
        this.reportDir = reportDir;
        this.options = options;
        this.commandTimeout = commandTimeout;
        this.progress = progress;
    }

    /** Runs with the kill-and-retry mode: a killed run of each mutating command before the workflow's own. */
    public void kills(org.opensra.emulator.chaos.KillMode k) {
        this.kills = k;
    }

    public RunResult run() {
        Instant started = Instant.now();
        Verdicts v = new Verdicts();
        RunLog log = new RunLog(progress);
        SraRunner r = new SraRunner(sra, reportDir, commandTimeout, "verbose", log::record);
        runner = r;
        CommonChecks common = new CommonChecks(v, SchemaCheck.locate());
        Site a = new Site(protectedSite, r, common);
        Site b = new Site(recoverySite, r, common);
        if (kills != null) {
            kills.runner(r);
            a.kills(kills);
            b.kills(kills);
        }
        Map<String, DataPlugin> plugins = new HashMap<>();
        protectedSite.data().ifPresent(d -> plugins.put(a.name(), new DataPlugin(d, 120)));
        recoverySite.data().ifPresent(d -> plugins.put(b.name(), new DataPlugin(d, 120)));
        DataChecks data = new DataChecks(plugins, v);
        if (!data.enabled()) {
            v.notRun(DATA_CHECKS_KEY, "a data plug-in is needed at both sites (\"data\" in the site files)");
        }
        Context c = new Context(v, common, a, b, data, options, log);
        new Workflows(c).runAll();
        return new RunResult(sra.description(), started, Duration.between(started, Instant.now()), v, log.entries(),
                RequirementCatalog.load(), data.bytesWritten(), data.bytesReplicated(), reportDir);
    }

    /** Kills SRA processes still running (Ctrl-C during a run). */
    public void interrupt() {
        SraRunner r = runner;
        if (r != null) {
            r.killAll();
        }
    }
}
