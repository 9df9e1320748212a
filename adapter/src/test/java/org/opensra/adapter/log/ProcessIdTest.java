package org.opensra.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessIdTest {
    @Test
    void isTheIdTheJdkReports() {
        assertThat(ProcessId.current()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}
