package org.opensra.emulator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.emulator.check.Violation;
import org.opensra.emulator.sra.Invocation;

class KillModeTest {
    @Test
    @DisplayName("TF-7 SRM's Cleanup after a killed testFailoverStart names the same groups and devices")
    void cleanupOfStartParameters() {
        String start = """
                  <TestFailoverStartParameters>
                    <ArrayId>array-b</ArrayId>
                    <AccessGroups>
                      <AccessGroup id="esx"><Initiator id="21:00" type="FC"/></AccessGroup>
                    </AccessGroups>
                    <TargetGroups>
                      <TargetGroup key="g&amp;1">
                        <TargetDevices><TargetDevice key="m1"><AccessGroups><AccessGroup id="esx"/></AccessGroups></TargetDevice></TargetDevices>
                      </TargetGroup>
                    </TargetGroups>
                    <TargetDevices>
                      <TargetDevice key="d1"><AccessGroups><AccessGroup id="esx"/></AccessGroups></TargetDevice>
                      <TargetDevice key="d2"/>
                    </TargetDevices>
                  </TestFailoverStartParameters>
                """;
        assertThat(KillMode.cleanup(start)).isEqualTo("""
                  <TestFailoverStopParameters>
                    <ArrayId>array-b</ArrayId>
                    <TargetGroups>
                      <TargetGroup key="g&amp;1"/>
                    </TargetGroups>
                    <TargetDevices>
                      <TargetDevice key="d1"/>
                      <TargetDevice key="d2"/>
                    </TargetDevices>
                  </TestFailoverStopParameters>
                """);
    }

    @Test
    @DisplayName("INV-7 a kill whose next step failed a check is reported as not converged, with the seed and instant")
    void failedNextStepIsNotConverged(@TempDir Path tmp) throws Exception {
        Path sra = Files.createDirectories(tmp.resolve("sra"));
        Files.writeString(sra.resolve("command.pl"), "sleep 60;\n");
        KillMode k = new KillMode(5, sra.resolve("command.pl"), null);
        k.before("B", "failover", null, "  <FailoverParameters/>\n");
        Invocation retry = new Invocation(7, "B", "failover", Instant.now(), 10, 0, false, List.of(),
                tmp.resolve("report/commands/007-B-failover"), null, Optional.empty(), "no response", "", "");
        k.after("B", "failover", retry);
        KillMode.Summary failed = k.summary(List.of(new Violation("FO-3", "not promoted", "B failover",
                tmp.resolve("report/commands/007-B-failover").toString())));
        assertThat(failed.kills()).isEqualTo(1);
        assertThat(failed.converged()).isZero();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.notConverged()).singleElement().asString().contains("seed 5").contains("failover killed at")
                .contains("007-B-failover");
        assertThat(failed.orphanProcesses()).isZero();

        KillMode.Summary passed = k.summary(List.of());
        assertThat(passed.converged()).isEqualTo(1);
        assertThat(passed.passed()).isTrue();
    }
}
