package org.opensra.array.iscsi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Json;
import org.opensra.array.TestApi;
import org.opensra.array.TwoArrays;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libiscsi's conformance tool against the array daemon's iSCSI target (issue 13): the suites ESXi's
 * use depends on, on a writable volume, and SCSI.ReadOnly on a replica (write-protected). A failed
 * test fails (-f); a suite pattern that runs nothing fails (Ran must match); every [SKIPPED] line
 * must be one of the reasons listed here, each for a command this target deliberately does not offer.
 * Requirement IDs: DD-7 (the Wwn identity is the device a host sees), TF-2/FO-2 (presented devices
 * are usable by hosts).
 */
class IscsiConformanceIT {
    static final String WRITABLE_SUITES = String.join(",", "SCSI.TestUnitReady", "SCSI.Inquiry", "SCSI.Mandatory",
        "SCSI.ReadCapacity10", "SCSI.ReadCapacity16", "SCSI.Read10", "SCSI.Read16", "SCSI.Write10", "SCSI.Write16",
        "SCSI.ModeSense6", "SCSI.Reserve6", "SCSI.ReportSupportedOpcodes", "iSCSI.iSCSIResiduals", "iSCSI.iSCSITMF",
        "iSCSI.iSCSIcmdsn", "iSCSI.iSCSIdatasn");

    /**
     * Skips accepted, and why: READ12/WRITE12/WRITE AND VERIFY are outside the ESXi command set (the
     * residual suite probes them); no persistent reservations (not used by VMFS); no thin provisioning
     * (no UNMAP, so the block limits' unmap checks do not apply); ReadOnlySBC needs a write-protected
     * LUN and runs separately on a replica; there the write commands the target does not offer
     * (COMPARE AND WRITE: no ATS; ORWRITE, UNMAP, WRITE SAME) skip, WRITE 10/16 must get DATA PROTECT.
     */
    static final Set<String> ACCEPTED_SKIPS = Set.of(
        "[SKIPPED] READ12 is not implemented on this target.",
        "[SKIPPED] WRITE12 is not implemented.",
        "[SKIPPED] WRITEVERIFY10 is not implemented.",
        "[SKIPPED] WRITEVERIFY12 is not implemented.",
        "[SKIPPED] WRITEVERIFY16 is not implemented.",
        "[SKIPPED] PERSISTENT RESERVE IN is not implemented.",
        "[SKIPPED] Logical unit is fully provisioned. Skipping test",
        "[SKIPPED] Logical unit is not write-protected. Skipping test.",
        "[SKIPPED] COMPAREANDWRITE is not implemented.",
        "[SKIPPED] ORWRITE is not implemented.",
        "[SKIPPED] UNMAP is not implemented.",
        "[SKIPPED] WRITESAME10 is not implemented.",
        "[SKIPPED] WRITESAME16 is not implemented.");

    @TempDir
    static Path dir;
    static TwoArrays arrays;
    static String writableUrl;
    static String replicaUrl;

    @BeforeAll
    static void start() throws Exception {
        assertThat(IscsiTestTool.installed()).as("libiscsi-bin (iscsi-test-cu) is needed; .ci/run installs it").isTrue();
        arrays = new TwoArrays(dir.resolve("arrays"));
        TestApi a = arrays.apiA();
        TestApi b = arrays.apiB();
        String vol = a.createVolume("conformance", 64L << 20);
        String lun = mapToTestTool(a, vol);
        writableUrl = "iscsi://127.0.0.1:" + arrays.daemonA().iscsiPort() + "/iqn.2026-11.org.opensra:array-a/" + lun;

        String src = a.createVolume("replicated", 16L << 20);
        a.post("/api/v1/replication/pairs", Map.of("volume", src, "peer", "array-b", "rpoSeconds", 0)).ok();
        String replica = a.get("/api/v1/volumes/" + src).ok().json().path("replication").path("peerVolumeId").asText();
        assertThat(b.get("/api/v1/volumes/" + replica).ok().json().path("access").asText()).isEqualTo("read-only");
        String rlun = mapToTestTool(b, replica);
        replicaUrl = "iscsi://127.0.0.1:" + arrays.daemonB().iscsiPort() + "/iqn.2026-11.org.opensra:array-b/" + rlun;
    }

    /** One host with libiscsi's two initiator names (upper case: IQNs match case-insensitively); returns the LUN. */
    static String mapToTestTool(TestApi api, String volume) {
        String host = api.post("/api/v1/hosts", Json.obj("name", "test tool", "initiators", List.of(
            Json.obj("type", "iSCSI", "id", IscsiTestTool.INITIATOR.toUpperCase(java.util.Locale.ROOT)),
            Json.obj("type", "iSCSI", "id", IscsiTestTool.INITIATOR_2)))).ok().json().path("id").asText();
        String group = api.post("/api/v1/host-groups", Json.obj("name", "test tool group", "hosts", List.of(host)))
            .ok().json().path("id").asText();
        return api.post("/api/v1/mappings/map", Json.obj("volumes", List.of(volume), "hostGroup", group)).ok()
            .item(0).path("lun").asText();
    }

    @AfterAll
    static void stop() {
        if (arrays != null) {
            arrays.close();
        }
    }

    @Test
    @DisplayName("issue 13: iscsi-test-cu -f passes every test of the ESXi suites on a writable volume (DD-7, TF-2)")
    void writableSuites() throws Exception {
        IscsiTestTool.Run run = IscsiTestTool.run(WRITABLE_SUITES, writableUrl, dir);
        System.out.println("iscsi-test-cu " + WRITABLE_SUITES + ": ran " + run.ran() + ", passed " + run.passed()
            + ", failed " + run.failed() + "; skipped inside tests: " + run.skipped());
        assertThat(run.failed()).as(run.output()).isZero();
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.ran()).as("tests run (a pattern matching nothing runs 0)").isGreaterThanOrEqualTo(60);
        assertThat(run.passed()).isEqualTo(run.ran());
        assertThat(run.skipped()).as("skips not accounted for").isSubsetOf(ACCEPTED_SKIPS);
    }

    @Test
    @DisplayName("issue 13: SCSI.ReadOnly passes on a replica, which is write-protected (DATA PROTECT) (DD-4, FO-2)")
    void readOnlySuiteOnReplica() throws Exception {
        IscsiTestTool.Run run = IscsiTestTool.run("SCSI.ReadOnly", replicaUrl, dir);
        System.out.println("iscsi-test-cu SCSI.ReadOnly: ran " + run.ran() + ", passed " + run.passed() + ", failed "
            + run.failed() + "; skipped inside tests: " + run.skipped());
        assertThat(run.failed()).as(run.output()).isZero();
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.ran()).isGreaterThanOrEqualTo(1);
        assertThat(run.output()).doesNotContain("not write-protected");
        assertThat(run.skipped()).as("skips not accounted for").isSubsetOf(ACCEPTED_SKIPS);
    }
}
