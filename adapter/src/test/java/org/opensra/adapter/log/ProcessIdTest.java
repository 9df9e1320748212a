package org.opensra.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcessIdTest {
    @Test
    @DisplayName("LOG-2 the pid in every log line and step id (p<pid>-s<n>) is this process's, so concurrent SRA processes stay apart")
    void isTheIdTheJdkReports() {
        assertThat(ProcessId.current()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}
