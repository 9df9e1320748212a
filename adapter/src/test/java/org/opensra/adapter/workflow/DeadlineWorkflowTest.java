package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensra.adapter.workflow.Harness.code;
import static org.opensra.adapter.workflow.Harness.item;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.spi.Deadline;
import org.opensra.spi.VolumeAccess;

/** The command deadline reaches the workflows through {@link DeadlineDriver} (INV-3, RESP-1, ERR-5). */
class DeadlineWorkflowTest {

    private static FailoverResults failover(Harness h, Deadline deadline) throws WorkflowException {
        WorkflowContext ctx = new WorkflowContext(new DeadlineDriver(h.driver, deadline), FakeDriver.description(h.features),
                SraLog.stdoutOnly(LogLevel.TRIVIA, new ByteArrayOutputStream()), DeviceFilter.none(), p -> { },
                "127.0.0.1:9443");
        return new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(),
                List.of(TargetGroupRequest.of("tg1")), List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r9"))),
                ctx);
    }

    /** Waits (at most 30 s) until the deadline has passed: the array "was slow". */
    private static void waitPast(Deadline deadline) {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (!deadline.passed() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    @DisplayName("INV-3 RESP-1 ERR-5 once the deadline passed, no further driver call is made and every unfinished item gets its own error 1019")
    void deadlinePassedBetweenSteps() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-b");
        Deadline deadline = Deadline.inMillis(200);
        h.driver.before = method -> {
            if (method.equals("inventory")) {
                waitPast(deadline);
            }
        };
        FailoverResults r = failover(h, deadline);

        assertThat(r.targetGroups()).extracting(i -> i.ref()).containsExactly("tg1");
        assertThat(r.targetDevices()).extracting(i -> i.ref()).containsExactly("r1", "r9");
        assertThat(code(item(r.targetGroups(), "tg1"))).isEqualTo(ErrorCodes.COMMAND_DEADLINE_REACHED);
        assertThat(code(item(r.targetDevices(), "r1"))).isEqualTo(ErrorCodes.COMMAND_DEADLINE_REACHED);
        assertThat(Harness.placeholders(item(r.targetGroups(), "tg1"))).containsEntry("Object", "tg1")
                .containsEntry("Seconds", "1");
        assertThat(Harness.placeholders(item(r.targetDevices(), "r1"))).containsEntry("Object", "r1");
        // an unknown device is answered from the inventory read before the deadline: its own error stays
        assertThat(code(item(r.targetDevices(), "r9"))).isEqualTo(ErrorCodes.UNKNOWN_KEY);
        assertThat(h.driver.calls("promote")).isZero();
        assertThat(fabric.array("array-b").volumes.values()).allSatisfy(v -> assertThat(v.access)
                .isEqualTo(VolumeAccess.READ_ONLY));
        // ERR-5: the code is in the catalogue with exactly these placeholders
        Message error = item(r.targetDevices(), "r1").failure().orElseThrow();
        assertThat(ErrorCatalogue.standard().describe(error))
                .isEqualTo("1019: The command deadline of 1 seconds was reached before r1 was done.");
    }

    @Test
    @DisplayName("INV-3 RESP-1 a driver call cut short by the deadline fails each of its items with error 1019")
    void driverCallCutByDeadline() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-b");
        Deadline deadline = Deadline.inSeconds(60);
        h.driver.before = method -> {
            if (method.equals("promote")) {
                throw deadline.failure("POST /replication/promote");
            }
        };
        FailoverResults r = failover(h, deadline);
        assertThat(code(item(r.targetGroups(), "tg1"))).isEqualTo(ErrorCodes.COMMAND_DEADLINE_REACHED);
        assertThat(code(item(r.targetDevices(), "r1"))).isEqualTo(ErrorCodes.COMMAND_DEADLINE_REACHED);
        assertThat(Harness.placeholders(item(r.targetDevices(), "r1"))).containsEntry("Object", "r1")
                .containsEntry("Seconds", "60");
    }

    @Test
    @DisplayName("INV-3 without a passed deadline the session behaves as the driver")
    void noDeadlineNoChange() throws Exception {
        FakeArrays fabric = Harness.twoSites();
        Harness h = new Harness(fabric, "array-b");
        FailoverResults r = failover(h, Deadline.inSeconds(240));
        assertThat(item(r.targetDevices(), "r1").success()).isPresent();
        assertThat(item(r.targetGroups(), "tg1").success()).isPresent();
        assertThat(h.driver.calls("promote")).isEqualTo(1);
    }
}
