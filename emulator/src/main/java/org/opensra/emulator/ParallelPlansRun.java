package org.opensra.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.opensra.emulator.parallel.ParallelPlans;
import org.opensra.emulator.parallel.ParallelSummary;
import org.opensra.emulator.site.SiteConfig;

/** {@code srm-emulator run --parallel-plans N}: runs the plans, prints the summary, writes parallel-plans.json. */
final class ParallelPlansRun {
    private ParallelPlansRun() {
    }

    /** Exit status 0 when every plan succeeded, the conflict resolved cleanly and the arrays converged, else 1. */
    static int execute(Path sra, SiteConfig a, SiteConfig b, Path reportDir, int n, Duration commandTimeout,
                       Duration syncTimeout) throws IOException, InterruptedException {
        ParallelPlans plans = new ParallelPlans(sra, a, b, reportDir.toAbsolutePath(), commandTimeout, syncTimeout,
                System.out);
        Thread hook = new Thread(plans::interrupt, "srm-emulator-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        ParallelSummary s;
        try {
            s = plans.run(n);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        s.print(System.out);
        System.out.println("report: " + s.write(reportDir));
        return s.failures() == 0 ? 0 : 1;
    }
}
