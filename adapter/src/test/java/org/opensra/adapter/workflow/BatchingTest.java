package org.opensra.adapter.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.opensra.protocol.result.FailoverResults;

/** 1,000 devices cost a handful of driver calls, not 1,000 round trips (issue 4: batch-friendly SPI). */
class BatchingTest {
    private static final int DEVICES = 1000;

    private static FakeArrays manyPairs() {
        FakeArrays fabric = new FakeArrays();
        for (int i = 0; i < DEVICES; i++) {
            fabric.pair("array-a", "v" + i, "prod-" + i, "array-b", "r" + i);
        }
        return fabric;
    }

    @Test
    @DisplayName("RESP-1 a 1,000-device test failover, stop, prepare and failover use one batch call per array step")
    void thousandDevices() throws Exception {
        FakeArrays fabric = manyPairs();
        List<TargetDeviceRequest> targets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            targets.add(TargetDeviceRequest.of("r" + i));
            keys.add("r" + i);
            sources.add("v" + i);
        }
        Harness b = new Harness(fabric, "array-b");
        assertThat(new DiscoverDevicesWorkflow().run(new DiscoverDevicesParameters("array-b", "array-a"), b.ctx())
                .targetDevices()).hasSize(DEVICES);
        new TestFailoverStartWorkflow().run(new TestFailoverStartParameters("array-b", List.of(), List.of(), targets), b.ctx());
        new TestFailoverStopWorkflow().run(new TestFailoverStopParameters("array-b", List.of(), keys), b.ctx());
        assertThat(b.driver.calls("createTestCopies")).isEqualTo(1);
        assertThat(b.driver.calls("present")).isEqualTo(1);
        assertThat(b.driver.calls("unpresent")).isEqualTo(1);
        assertThat(b.driver.calls("deleteTestCopies")).isEqualTo(1);
        assertThat(b.driver.calls("inventory")).isEqualTo(4); // discover, start, stop, stop's verification

        Harness a = new Harness(fabric, "array-a");
        new PrepareFailoverWorkflow().run(new PrepareFailoverParameters("array-a", List.of(), sources), a.ctx());
        assertThat(a.driver.calls("demote")).isEqualTo(1);
        Harness b2 = new Harness(fabric, "array-b");
        FailoverResults r = new FailoverWorkflow().run(new FailoverParameters("array-b", List.of(), List.of(), targets),
                b2.ctx());
        assertThat(r.targetDevices()).hasSize(DEVICES).allSatisfy(d -> assertThat(d.success()).isPresent());
        assertThat(b2.driver.calls("promote")).isEqualTo(1);
        assertThat(b2.driver.calls("present")).isEqualTo(1);
    }
}
