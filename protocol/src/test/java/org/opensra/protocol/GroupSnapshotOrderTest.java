package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.result.TestFailoverStartResults;

/**
 * DD-6, TF-8, TF-2: a group's test copy is written in the order its table gives: in discoverDevices (Table 8)
 * "Snapshot: TargetDevices, RecoveryPoint", in testFailoverStart (Table 11) "Snapshot: RecoveryPoint, TargetDevices".
 */
class GroupSnapshotOrderTest {

    private static String write(CommandResult result) throws Exception {
        return new String(ResponseWriter.toBytes(Response.of(result, List.of())), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("DD-6 TF-8 discoverDevices writes a group Snapshot's TargetDevices before its RecoveryPoint (Table 8)")
    void discoveryOrder() throws Exception {
        String xml = write(Samples.replicatedDevices());
        String snap = xml.substring(xml.indexOf("<Snapshot id=\"Bar-snap\""));
        assertThat(snap.indexOf("<TargetDevices>")).isNotNegative().isLessThan(snap.indexOf("<RecoveryPoint"));
    }

    @Test
    @DisplayName("TF-2 testFailoverStart writes a group Snapshot's RecoveryPoint before its TargetDevices (Table 11)")
    void testFailoverOrder() throws Exception {
        CommandResult r = Samples.results().stream().filter(x -> x instanceof TestFailoverStartResults).findFirst()
                .orElseThrow();
        String xml = write(r);
        String snap = xml.substring(xml.indexOf("<Snapshot id=\"snap-1\""));
        assertThat(snap.indexOf("<RecoveryPoint")).isNotNegative().isLessThan(snap.indexOf("<TargetDevices>"));
    }
}
