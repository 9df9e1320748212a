package org.opensra.emulator.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opensra.emulator.check.Requirement;
import org.opensra.emulator.check.Verdicts;

/** Everything a report needs about one run. */
public record RunResult(String sra, Instant started, Duration duration, Verdicts verdicts, List<RunLog.Entry> commands,
                        List<Requirement> requirements, long bytesWritten, long bytesReplicated, Path reportDir) {
    public RunResult {
        commands = List.copyOf(commands);
        requirements = List.copyOf(requirements);
    }

    public boolean passed() {
        return verdicts.violations().isEmpty();
    }
}
