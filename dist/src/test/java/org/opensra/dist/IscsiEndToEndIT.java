package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.w3c.dom.Element;

/**
 * A whole SRM workflow through the real command.pl while an iSCSI initiator reads and writes the
 * devices through the arrays' iSCSI targets (issue 13): the Wwn the SRA reports is the NAA the LUN
 * shows, data written through iSCSI at the protected site is read through iSCSI from the test copy and
 * the promoted volume, initiators outside the access group see nothing, the test LUN goes at
 * testFailoverStop, a demoted source and a replica refuse writes, and reverse carries iSCSI writes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IscsiEndToEndIT {
    private static final long OFFSET = 1L << 20;
    private static final String ESX_A = "iqn.1998-01.com.vmware:esx-a-01";
    /** Given to SRM in upper case: the array matches IQNs case-insensitively. */
    private static final String ESX_B = "iqn.1998-01.com.vmware:esx-b-01";
    private static final String STRANGER = "iqn.2000-01.com.example:stranger";

    private Path work;
    private Lab lab;
    private Sra sra;
    private Lab.Site a;
    private Lab.Site b;
    private String portalA;
    private String portalB;
    private final Random random = new Random(13);

    private String src1;
    private String key1;
    private byte[] written;
    private byte[] afterFailover;

    @BeforeAll
    void up() throws IOException {
        Path target = Path.of(System.getProperty("opensra.home", "target/opensra")).getParent();
        work = Files.createTempDirectory(target == null ? Path.of(".") : target, "iscsi-e2e-");
        lab = Lab.up(work.resolve("lab"));
        a = lab.a();
        b = lab.b();
        sra = new Sra(Lab.home().resolve("sra"), work.resolve("sra-runs"));
        JsonObject sites = JsonReader.parseObject(Files.readString(work.resolve("lab").resolve("sites.json"))).object("sites");
        portalA = sites.object("A").string("iscsiPortal");
        portalB = sites.object("B").string("iscsiPortal");
    }

    @AfterAll
    void down() throws IOException {
        if (lab != null) {
            lab.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Sra.Run run(String command, org.opensra.protocol.params.CommandParameters p, Lab.Site site) {
        return sra.run(command, p, Sra.connection(site));
    }

    private static AccessGroup esxB() {
        return new AccessGroup("esx-b", List.of(Initiator.of(PortType.ISCSI, ESX_B.toUpperCase(java.util.Locale.ROOT))));
    }

    private static String targetOf(Lab.Site site) {
        return "iqn.2026-11.org.opensra:" + site.arrayId();
    }

    private byte[] pattern(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    private static void assertSuccess(Element item) {
        assertThat(Xml.errorCode(item)).as("item %s", item.getAttribute("key") + item.getAttribute("id")).isEmpty();
    }

    private static String wwn(Element withIdentity) {
        List<Element> w = Xml.all(withIdentity, "Wwn");
        assertThat(w).as("one Wwn identity").hasSize(1);
        return w.get(0).getTextContent().trim();
    }

    private void syncAndWait(Lab.Site site, Lab.Site peer, String device) {
        Xml started = run("syncOnce", new SyncOnceParameters(site.arrayId(), peer.arrayId(), List.of(), List.of(device),
                List.of(), List.of()), site).ok();
        Element e = started.get("SourceDevice", "id", device);
        assertSuccess(e);
        List<SyncRef> refs = List.of(new SyncRef(device, Xml.all(e, "DeviceSync").get(0).getAttribute("id")));
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            Xml status = run("querySyncStatus", new QuerySyncStatusParameters(site.arrayId(), peer.arrayId(), List.of(),
                    refs, List.of(), List.of()), site).ok();
            if ("complete".equals(status.all("DeviceSync").get(0).getAttribute("status"))) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("sync did not complete in time").isLessThan(deadline);
            try {
                Thread.sleep(300);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("DD-7 DD-2 discoverDevices reports as Wwn exactly the NAA the protected LUN shows over iSCSI; iSCSI writes are the volume's and survive SIGKILL")
    void protectedSite() throws IOException {
        Xml atA = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok();
        Element d1 = atA.all("SourceDevice").stream().filter(d -> Xml.childText(d, "Name").orElse("").equals("vm-ds-01"))
                .findFirst().orElseThrow(() -> new AssertionError("vm-ds-01 in\n" + atA));
        src1 = d1.getAttribute("id");
        key1 = Xml.child(d1, "TargetDevice").orElseThrow().getAttribute("key");
        lab.cli(a, "map", "--volume", src1, "--initiator", "iSCSI:" + ESX_A);
        Element mapped = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok()
                .get("SourceDevice", "id", src1);
        String wwn = wwn(mapped);
        assertThat(TestInitiator.discover(portalA, ESX_A)).contains(targetOf(a));
        try (TestInitiator esx = TestInitiator.login(portalA, ESX_A, targetOf(a))) {
            int lun = esx.lunOf(wwn);
            assertThat(lun).as("a LUN with NAA %s", wwn).isGreaterThanOrEqualTo(0);
            written = pattern(64 * 1024);
            TestInitiator.check(esx.write(lun, OFFSET, written), "WRITE(10)");
            TestInitiator.check(esx.command(lun, new byte[] {0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, null),
                    "SYNCHRONIZE CACHE(10)");
        }
        // an acknowledged, synchronized write survives SIGKILL of the daemon
        long pid = JsonReader.parseObject(Files.readString(work.resolve("lab").resolve("A").resolve("daemon.ready")))
                .optLong("pid").orElseThrow();
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("daemon A is not running"));
        assertThat(daemon.destroyForcibly()).isTrue();
        daemon.onExit().join();
        lab.startSite(a);
        try (TestInitiator esx = TestInitiator.login(portalA, ESX_A, targetOf(a))) {
            assertThat(esx.read(esx.lunOf(wwn), OFFSET, written.length)).isEqualTo(written);
        }
        assertThat(lab.read(a, src1, OFFSET, written.length)).isEqualTo(written);
        syncAndWait(a, b, src1);
    }

    @Test
    @Order(2)
    @DisplayName("TF-2 TF-7 DD-7 the test copy's Wwn is the NAA its LUN shows; it reads what was written through iSCSI; strangers see nothing; gone after testFailoverStop")
    void testFailover() throws IOException {
        assertThatThrownBy(() -> TestInitiator.login(portalB, ESX_B, targetOf(b)).close())
                .as("no host at B knows esx-b before the test").isInstanceOf(TestInitiator.Refused.class);
        Xml started = run("testFailoverStart", new TestFailoverStartParameters(b.arrayId(), List.of(esxB()), List.of(),
                List.of(new TargetDeviceRequest(key1, List.of("esx-b"), Optional.empty()))), b).ok();
        Element device = started.get("TargetDevice", "key", key1);
        assertSuccess(device);
        Element snapshot = Xml.child(device, "Snapshot").orElseThrow(() -> new AssertionError("no Snapshot in\n" + started));
        String copyWwn = wwn(snapshot);
        try (TestInitiator esx = TestInitiator.login(portalB, ESX_B, targetOf(b))) {
            int lun = esx.lunOf(copyWwn);
            assertThat(lun).as("a LUN with NAA %s", copyWwn).isGreaterThanOrEqualTo(0);
            assertThat(esx.read(lun, OFFSET, written.length)).isEqualTo(written);
            byte[] testWrite = pattern(4096);
            TestInitiator.check(esx.write(lun, OFFSET, testWrite), "WRITE(10) to the test copy");

            assertThatThrownBy(() -> TestInitiator.login(portalB, STRANGER, targetOf(b)).close())
                    .isInstanceOf(TestInitiator.Refused.class);
            assertThat(TestInitiator.discover(portalB, ESX_B)).contains(targetOf(b));

            for (int i = 0; i < 2; i++) {
                assertSuccess(run("testFailoverStop", new TestFailoverStopParameters(b.arrayId(), List.of(),
                        List.of(key1)), b).ok().get("TargetDevice", "key", key1));
            }
            // the open session sees the change at its next command
            TestInitiator.Response tur = esx.command(lun, new byte[6], 0, null);
            assertThat(tur.status()).as("TEST UNIT READY after the LUN went away").isEqualTo(2);
            assertThat(esx.reportLuns()).doesNotContain(lun);
        }
    }

    @Test
    @Order(3)
    @DisplayName("PF-2 DD-4 FO-2 DD-7 a demoted source refuses iSCSI writes (DATA PROTECT); the promoted device's Wwn is its LUN's NAA and it holds the iSCSI writes")
    void failover() throws IOException {
        Xml prepared = run("prepareFailover", new PrepareFailoverParameters(a.arrayId(), List.of(), List.of(src1)), a).ok();
        assertSuccess(prepared.get("SourceDevice", "id", src1));
        try (TestInitiator esx = TestInitiator.login(portalA, ESX_A, targetOf(a))) {
            int lun = esx.reportLuns().get(0);
            TestInitiator.Response w = esx.write(lun, OFFSET, pattern(4096));
            assertThat(w.status()).isEqualTo(2);
            assertThat(w.senseKey()).as("DATA PROTECT").isEqualTo(7);
            assertThat(esx.read(lun, OFFSET, written.length)).isEqualTo(written);
        }
        syncAndWait(a, b, src1);
        Xml fo = run("failover", new FailoverParameters(b.arrayId(), List.of(esxB()), List.of(),
                List.of(new TargetDeviceRequest(key1, List.of("esx-b"), Optional.empty()))), b).ok();
        Element device = fo.get("TargetDevice", "key", key1);
        assertSuccess(device);
        String promotedWwn = wwn(device);
        try (TestInitiator esx = TestInitiator.login(portalB, ESX_B, targetOf(b))) {
            int lun = esx.lunOf(promotedWwn);
            assertThat(lun).as("a LUN with NAA %s", promotedWwn).isGreaterThanOrEqualTo(0);
            assertThat(esx.read(lun, OFFSET, written.length)).isEqualTo(written);
            afterFailover = pattern(64 * 1024);
            TestInitiator.check(esx.write(lun, OFFSET + (2L << 20), afterFailover), "WRITE(10) to the promoted device");
        }
        key1 = device.getAttribute("id");
    }

    @Test
    @Order(4)
    @DisplayName("REV-1 REV-6 after reverse the recovery site's iSCSI writes reach the old source, readable through iSCSI and write-protected there")
    void reverse() throws IOException {
        String promoted = key1;
        Xml reversed = run("reverseReplication", new ReverseReplicationParameters(b.arrayId(), a.arrayId(), List.of(),
                List.of(SettingsItem.of(promoted))), b).ok();
        assertSuccess(reversed.get("Device", "id", promoted));
        syncAndWait(b, a, promoted);
        try (TestInitiator esx = TestInitiator.login(portalA, ESX_A, targetOf(a))) {
            List<Integer> luns = new ArrayList<>(esx.reportLuns());
            assertThat(luns).hasSize(1);
            int lun = luns.get(0);
            assertThat(esx.read(lun, OFFSET + (2L << 20), afterFailover.length)).isEqualTo(afterFailover);
            TestInitiator.Response w = esx.write(lun, OFFSET, pattern(4096));
            assertThat(w.senseKey()).as("the old source is now a replica: DATA PROTECT").isEqualTo(7);
        }
    }
}
