package org.opensra.emulator.workflow;

import java.time.Duration;
import java.util.Set;

/** Run options: which workflows, how long a sync may take, how often to poll at least. */
public record Options(Set<String> workflows, Duration syncTimeout, Duration minPoll, Duration maxPoll) {
    public static final Set<String> ALL = Set.of("WF-1", "WF-2", "WF-3", "WF-4", "WF-5", "WF-6", "WF-7", "WF-8");

    public Options {
        workflows = Set.copyOf(workflows);
    }

    public static Options defaults() {
        return new Options(ALL, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public boolean wants(String wf) {
        return workflows.contains(wf);
    }
}
