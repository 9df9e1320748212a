package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.opensra.protocol.Connection;
import org.opensra.protocol.model.AccessGroup;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.params.CheckFailoverParameters;
import org.opensra.protocol.params.CheckTestFailoverStartParameters;
import org.opensra.protocol.params.DiscoverArraysParameters;
import org.opensra.protocol.params.DiscoverDevicesParameters;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.PrepareFailoverParameters;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.params.QueryRecoveryPointsParameters;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.RestoreReplicationParameters;
import org.opensra.protocol.params.ReverseReplicationParameters;
import org.opensra.protocol.params.SettingsItem;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.opensra.protocol.params.TestFailoverStartParameters;
import org.opensra.protocol.params.TestFailoverStopParameters;
import org.w3c.dom.Element;

/**
 * SRM's workflows end to end: the real command.pl of dist/target/opensra against two real sra-array
 * daemons (lab up), steps in order on one lab: discovery, queries, sync, test failover, planned
 * failover and restore, disaster failover with the protected daemon down, reverse. Data is checked
 * with the array's CLI (volume write/read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final long OFFSET = 1L << 20;
    private static final String FC_INITIATOR = "21:00:00:24:ff:4c:00:01";

    private Path work;
    private Lab lab;
    private Sra sra;
    private Lab.Site a;
    private Lab.Site b;
    private final Random random = new Random(42);

    // devices found by discovery (names are the lab's sample data)
    private String src1;
    private String key1;
    private String src2;
    private String key2;
    private String excluded;
    private String excludedKey;
    private String group;
    private String groupKey;
    private List<String> groupSources;
    private List<String> groupKeys;
    private byte[] beforeSync;
    private byte[] beforePrepare;

    @BeforeAll
    void up() throws IOException {
        Path target = Path.of(System.getProperty("opensra.home", "target/opensra")).getParent();
        work = Files.createTempDirectory(target == null ? Path.of(".") : target, "e2e-");
        lab = Lab.up(work.resolve("lab"));
        a = lab.a();
        b = lab.b();
        sra = new Sra(Lab.home().resolve("sra"), work.resolve("sra-runs"));
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

    private static AccessGroup accessGroup() {
        return new AccessGroup("esx-test", List.of(Initiator.of(PortType.FC, FC_INITIATOR)));
    }

    private byte[] pattern(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    private static void assertSuccess(Element item) {
        assertThat(Xml.errorCode(item)).as("item %s", item.getAttribute("key") + item.getAttribute("id")).isEmpty();
    }

    /** syncOnce at A's side (source form) then querySyncStatus until complete. */
    private void syncAndWait(Lab.Site site, Lab.Site peer, List<String> groups, List<String> devices) {
        Xml started = run("syncOnce", new SyncOnceParameters(site.arrayId(), peer.arrayId(), groups, devices,
                List.of(), List.of()), site).ok();
        List<SyncRef> groupRefs = new ArrayList<>();
        List<SyncRef> deviceRefs = new ArrayList<>();
        for (String g : groups) {
            Element e = started.get("ConsistencyGroup", "id", g);
            assertSuccess(e);
            groupRefs.add(new SyncRef(g, Xml.all(e, "DeviceSync").get(0).getAttribute("id")));
        }
        for (String d : devices) {
            Element e = started.get("SourceDevice", "id", d);
            assertSuccess(e);
            deviceRefs.add(new SyncRef(d, Xml.all(e, "DeviceSync").get(0).getAttribute("id")));
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            Xml status = run("querySyncStatus", new QuerySyncStatusParameters(site.arrayId(), peer.arrayId(), groupRefs,
                    deviceRefs, List.of(), List.of()), site).ok();
            List<Element> syncs = status.all("DeviceSync");
            assertThat(syncs).hasSize(groups.size() + devices.size());
            assertThat(status.all("Error")).as("querySyncStatus errors\n%s", status).isEmpty();
            if (syncs.stream().allMatch(s -> "complete".equals(s.getAttribute("status")))) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("sync did not complete in time").isLessThan(deadline);
            sleep(300);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ discovery

    @Test
    @Order(1)
    @DisplayName("DA-1 discoverArrays at both sites: each array with model, software and the other as peer (mirror images)")
    void discoverArrays() {
        Xml atA = run("discoverArrays", new DiscoverArraysParameters(), a).ok();
        Xml atB = run("discoverArrays", new DiscoverArraysParameters(), b).ok();
        Element arrayA = atA.get("Array", "id", a.arrayId());
        Element arrayB = atB.get("Array", "id", b.arrayId());
        assertThat(Xml.all(arrayA, "PeerArray")).extracting(e -> e.getAttribute("id")).containsExactly(b.arrayId());
        assertThat(Xml.all(arrayB, "PeerArray")).extracting(e -> e.getAttribute("id")).containsExactly(a.arrayId());
        assertThat(Xml.all(arrayA, "Model")).isNotEmpty();
        assertThat(Xml.all(arrayA, "ReplicationSoftware")).isNotEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("DD-1 DD-2 DD-6 DD-7 DD-8 discoverDevices: sources at A and their targets at B by the same keys, groups, WWN identities")
    void discoverDevices() {
        Xml atA = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok();
        Map<String, Element> byName = new java.util.HashMap<>();
        for (Element d : atA.all("SourceDevice")) {
            Xml.childText(d, "Name").ifPresent(n -> byName.put(n, d));
        }
        Element d1 = byName.get("vm-ds-01");
        Element d2 = byName.get("vm-ds-02");
        Element blank = byName.get("rdm with blank");
        assertThat(d1).as("vm-ds-01 in\n%s", atA).isNotNull();
        assertThat(d2).isNotNull();
        assertThat(blank).isNotNull();
        src1 = d1.getAttribute("id");
        key1 = Xml.child(d1, "TargetDevice").orElseThrow().getAttribute("key");
        src2 = d2.getAttribute("id");
        key2 = Xml.child(d2, "TargetDevice").orElseThrow().getAttribute("key");
        excluded = blank.getAttribute("id");
        excludedKey = Xml.child(blank, "TargetDevice").orElseThrow().getAttribute("key");
        assertThat(d1.getAttribute("state")).isEqualTo("read-write");
        assertThat(Xml.all(d1, "Wwn")).singleElement().satisfies(w -> assertThat(w.getTextContent()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}"));
        Element cg = atA.all("ConsistencyGroup").stream()
                .filter(g -> Xml.childText(g, "Name").orElse("").equals("cg-a")).findFirst().orElseThrow();
        group = cg.getAttribute("id");
        groupKey = Xml.child(cg, "TargetGroup").orElseThrow().getAttribute("key");
        groupSources = Xml.all(cg, "SourceDevice").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(groupSources).hasSize(3);
        assertThat(atA.all("TargetGroup")).isNotEmpty();

        Xml atB = run("discoverDevices", new DiscoverDevicesParameters(b.arrayId(), a.arrayId()), b).ok();
        assertThat(atB.find("TargetDevice", "key", key1)).isPresent();
        assertThat(atB.find("TargetDevice", "key", key2)).isPresent();
        Element tg = atB.get("TargetGroup", "key", groupKey);
        groupKeys = Xml.all(tg, "TargetDevice").stream().map(e -> e.getAttribute("key")).toList();
        assertThat(groupKeys).hasSize(3);
        // B's own sources towards A are reported at B as sources (both kinds at one site)
        assertThat(atB.all("SourceDevice")).isNotEmpty();
        // repeated discovery gives the same ids (DD-8)
        Xml again = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok();
        assertThat(again.get("SourceDevice", "id", src1)).isNotNull();
    }

    @Test
    @Order(3)
    @DisplayName("CONN-3 the deviceNamePrefix opaque hides other devices from discovery and from commands (1017)")
    void deviceNameFilter() {
        Connection filtered = Sra.connection(a.address(), a.sraUser(), a.sraPassword(), a.pinned(Map.of("deviceNamePrefix", "vm-ds-")));
        Xml atA = sra.run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), filtered).ok();
        assertThat(atA.find("SourceDevice", "id", src1)).isPresent();
        assertThat(atA.find("SourceDevice", "id", excluded)).isEmpty();
        assertThat(atA.all("ConsistencyGroup")).isEmpty();
        Connection filteredB = Sra.connection(b.address(), b.sraUser(), b.sraPassword(), b.pinned(Map.of("deviceNamePrefix", "vm-ds-")));
        Xml check = sra.run("checkTestFailoverStart", new CheckTestFailoverStartParameters(b.arrayId(), List.of(),
                List.of(key1, excludedKey)), filteredB).ok();
        assertSuccess(check.get("TargetDevice", "key", key1));
        assertThat(Xml.errorCode(check.get("TargetDevice", "key", excludedKey))).contains("1017");
    }

    @Test
    @Order(4)
    @DisplayName("DD-7 identity forms by embedded.identity: lun-initiator-group, lun-target and nfs, with their ports and groups")
    void identityForms() throws IOException {
        Xml lunGroup = withIdentity("lun-initiator-group");
        Element d1 = lunGroup.get("SourceDevice", "id", src1);
        Element lun = Xml.all(d1, "Lun").get(0);
        assertThat(lun.getAttribute("initiatorGroupId")).isNotEmpty();
        assertThat(lunGroup.find("InitiatorGroup", "id", lun.getAttribute("initiatorGroupId"))).isPresent();
        assertThat(lunGroup.all("StoragePort")).isNotEmpty();

        Xml lunTarget = withIdentity("lun-target");
        Element t = Xml.all(lunTarget.get("SourceDevice", "id", src1), "Lun").get(0);
        assertThat(t.getAttribute("target")).startsWith("iqn.");

        Xml nfs = withIdentity("nfs");
        assertThat(nfs.all("NfsName")).isNotEmpty();
        assertThat(nfs.all("StoragePort")).anySatisfy(p -> assertThat(p.getAttribute("type")).isEqualTo("NFS"));
    }

    /** discoverDevices at A through a copy of the SRA folder configured with another identity form. */
    private Xml withIdentity(String form) throws IOException {
        Path copy = work.resolve("sra-" + form);
        Path source = Lab.home().resolve("sra");
        Files.createDirectories(copy.resolve("lib"));
        Files.createDirectories(copy.resolve("conf"));
        Files.copy(source.resolve("command.pl"), copy.resolve("command.pl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> jars = Files.list(source.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, copy.resolve("lib").resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(copy.resolve("conf/opensra.properties"), "driver=embedded\nembedded.identity=" + form + "\n");
        if (!Files.exists(copy.resolve("jre"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(copy.resolve("jre"), source.resolve("jre").toRealPath()); // the bundled runtime
        }
        return new Sra(copy, work.resolve("sra-runs-" + form))
                .run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), Sra.connection(a)).ok();
    }

    // ------------------------------------------------------------------ queries

    @Test
    @Order(5)
    @DisplayName("DET-1 RS-1 queryDeviceDetails and queryReplicationSettings per device and group; unknown device is 1004 for that item only")
    void queries() {
        String unknown = a.arrayId() + ".vol.987654";
        Xml details = run("queryDeviceDetails", new QueryDeviceDetailsParameters(a.arrayId(), List.of(src1, unknown)), a).ok();
        assertThat(details.toString()).contains("capacityBytes").contains("67108864");
        assertThat(details.all("Error")).extracting(e -> e.getAttribute("code")).containsExactly("1004");
        Xml settings = run("queryReplicationSettings", new QueryReplicationSettingsParameters(a.arrayId(), b.arrayId(),
                List.of(group), List.of(src1), List.of(), List.of()), a).ok();
        assertThat(settings.all("ReplicationSettings")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(settings.toString()).contains("rpoSeconds");
    }

    @Test
    @Order(6)
    @DisplayName("SYNC-1 SYNC-3 SYNC-4 syncOnce at the source returns a DeviceSync per item; querySyncStatus reaches complete")
    void sync() {
        beforeSync = pattern(64 * 1024);
        lab.write(a, src1, OFFSET, beforeSync);
        lab.write(a, groupSources.get(0), OFFSET, beforeSync);
        syncAndWait(a, b, List.of(group), List.of(src1));
    }

    @Test
    @Order(7)
    @DisplayName("RP-1 queryRecoveryPoints at the recovery site lists points with times per device and group")
    void recoveryPoints() {
        Xml points = run("queryRecoveryPoints", new QueryRecoveryPointsParameters(b.arrayId(), List.of(groupKey),
                List.of(key1)), b).ok();
        assertThat(points.all("RecoveryPoint")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(points.all("Time")).isNotEmpty();
        assertThat(points.all("Error")).isEmpty();
    }

    // ------------------------------------------------------------------ test failover

    @Test
    @Order(8)
    @DisplayName("TF-1 TF-2 TF-4 RESP-1 LOG-4 testFailoverStart: copies presented with identity, data equal to the synced writes, a bad key fails alone")
    void testFailoverStart() {
        String badKey = b.arrayId() + ".vol.424242";
        Xml check = run("checkTestFailoverStart", new CheckTestFailoverStartParameters(b.arrayId(), List.of(groupKey),
                List.of(key1)), b).ok();
        assertSuccess(check.get("TargetDevice", "key", key1));
        assertSuccess(check.get("TargetGroup", "key", groupKey));

        Sra.Run started = run("testFailoverStart", new TestFailoverStartParameters(b.arrayId(), List.of(accessGroup()),
                List.of(new TargetGroupRequest(groupKey, Optional.empty(), groupKeys.stream()
                        .map(k -> new org.opensra.protocol.params.DeviceAccess(k, List.of("esx-test"))).toList())),
                List.of(new TargetDeviceRequest(key1, List.of("esx-test"), Optional.empty()),
                        new TargetDeviceRequest(badKey, List.of("esx-test"), Optional.empty()))), b);
        Xml xml = started.ok();
        Element device = xml.get("TargetDevice", "key", key1);
        assertSuccess(device);
        Element snapshot = Xml.child(device, "Snapshot").orElseThrow(() -> new AssertionError("no Snapshot in\n" + xml));
        assertThat(Xml.all(snapshot, "Identity")).isNotEmpty();
        assertThat(Xml.all(snapshot, "RecoveryPoint")).isNotEmpty();
        assertThat(Xml.errorCode(xml.get("TargetDevice", "key", badKey))).contains("1005");
        Element groupItem = xml.get("TargetGroup", "key", groupKey);
        assertSuccess(groupItem);
        // data: the copy holds what was written before the sync
        assertThat(lab.read(b, snapshot.getAttribute("id"), OFFSET, beforeSync.length)).isEqualTo(beforeSync);
        String memberKey = groupKeys.get(0);
        Element memberCopy = Xml.all(groupItem, "TargetDevice").stream()
                .filter(e -> e.getAttribute("key").equals(memberKey)).findFirst().orElseThrow();
        String memberCopyId = Xml.all(memberCopy, "Snapshot").isEmpty() ? null
                : Xml.all(memberCopy, "Snapshot").get(0).getAttribute("id");
        if (memberCopyId != null) {
            assertThat(lab.read(b, memberCopyId, OFFSET, beforeSync.length)).isEqualTo(beforeSync);
        }
        assertThat(started.stdout()).as("LOG-4 presentation is logged").contains(FC_INITIATOR);
    }

    @Test
    @Order(9)
    @DisplayName("TF-8 TF-6 TF-3 the test copy is discovered; a second start on it fails (1011); replication continues meanwhile")
    void duringTest() {
        Xml atB = run("discoverDevices", new DiscoverDevicesParameters(b.arrayId(), a.arrayId()), b).ok();
        assertThat(Xml.child(atB.get("TargetDevice", "key", key1), "Snapshot")).isPresent();
        Xml again = run("testFailoverStart", new TestFailoverStartParameters(b.arrayId(), List.of(), List.of(),
                List.of(TargetDeviceRequest.of(key1))), b).ok();
        assertThat(Xml.errorCode(again.get("TargetDevice", "key", key1))).contains("1011");
        byte[] later = pattern(4096);
        lab.write(a, src1, OFFSET + (8L << 20), later);
        syncAndWait(a, b, List.of(), List.of(src1));
        assertThat(lab.read(b, key1, OFFSET + (8L << 20), later.length)).isEqualTo(later);
    }

    @Test
    @Order(10)
    @DisplayName("TF-7 testFailoverStop removes the copies and is idempotent")
    void testFailoverStop() {
        for (int i = 0; i < 2; i++) {
            Xml stop = run("testFailoverStop", new TestFailoverStopParameters(b.arrayId(), List.of(groupKey),
                    List.of(key1)), b).ok();
            assertSuccess(stop.get("TargetDevice", "key", key1));
            assertSuccess(stop.get("TargetGroup", "key", groupKey));
        }
        Xml atB = run("discoverDevices", new DiscoverDevicesParameters(b.arrayId(), a.arrayId()), b).ok();
        assertThat(Xml.child(atB.get("TargetDevice", "key", key1), "Snapshot")).isEmpty();
    }

    // ------------------------------------------------------------------ errors and concurrency

    @Test
    @Order(11)
    @DisplayName("errors: unreachable array 1001, refused credentials 1002, unknown array 1003, each naming the object")
    void errors() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Sra.Run unreachable = sra.run("discoverArrays", new DiscoverArraysParameters(),
                Sra.connection("127.0.0.1:" + closed, "admin", "x", Map.of()));
        assertThat(unreachable.response().topError()).contains("1001");
        assertThat(unreachable.response().toString()).contains("127.0.0.1:" + closed);
        Sra.Run refused = sra.run("discoverArrays", new DiscoverArraysParameters(),
                Sra.connection(a.address(), a.sraUser(), "wrong-password-123", a.pinned(Map.of())));
        assertThat(refused.response().topError()).contains("1002");
        assertThat(refused.stdout() + refused.response()).doesNotContain("wrong-password-123").doesNotContain(a.password());
        Sra.Run unknownArray = run("discoverDevices", new DiscoverDevicesParameters("array-zz", b.arrayId()), a);
        assertThat(unknownArray.response().topError()).contains("1003");
        assertThat(unknownArray.response().toString()).contains("array-zz");
    }

    @Test
    @Order(11)
    @DisplayName("SEC-1 CONN-2 TLS: a wrong pinned fingerprint is 1020 naming the one seen; without a pin the self-signed"
            + " certificate is untrusted (1023); neither sends the password; http:// to a TLS array gets no answer")
    void tlsRefusals() {
        String wrong = "AA:".repeat(31) + "AA";
        Sra.Run mismatch = sra.run("discoverArrays", new DiscoverArraysParameters(),
                Sra.connection(a.address(), a.sraUser(), a.sraPassword(), Map.of("tlsFingerprint", wrong)));
        assertThat(mismatch.response().topError()).contains("1020");
        assertThat(mismatch.response().toString()).contains(a.fingerprint()).contains(a.address());
        assertThat(mismatch.stdout() + mismatch.response()).doesNotContain(a.password());
        Sra.Run untrusted = sra.run("discoverArrays", new DiscoverArraysParameters(),
                Sra.connection(a.address(), a.sraUser(), a.sraPassword(), Map.of()));
        assertThat(untrusted.response().topError()).contains("1023");
        assertThat(untrusted.response().toString()).contains(a.fingerprint());
        Sra.Run plain = sra.run("discoverArrays", new DiscoverArraysParameters(),
                Sra.connection("http://" + a.address(), a.sraUser(), a.sraPassword(), Map.of()));
        assertThat(plain.response().topError()).as("no fall back: plain HTTP to a TLS port fails").contains("1001");
    }

    @Test
    @Order(12)
    @DisplayName("INV-7 several command.pl processes at once at both sites give the same correct results")
    void concurrent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Xml>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok()));
                futures.add(pool.submit(() -> run("discoverDevices", new DiscoverDevicesParameters(b.arrayId(), a.arrayId()), b).ok()));
            }
            for (int i = 0; i < futures.size(); i++) {
                Xml xml = futures.get(i).get(300, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(xml.find("SourceDevice", "id", src1)).isPresent();
                } else {
                    assertThat(xml.find("TargetDevice", "key", key1)).isPresent();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ planned migration and restore

    @Test
    @Order(13)
    @DisplayName("PF-1 PF-2 DD-4 SYNC-6 prepareFailover demotes the sources (idempotent, read-only, no identity); a sync after it carries every write")
    void prepareFailover() {
        beforePrepare = pattern(64 * 1024);
        lab.write(a, src1, OFFSET, beforePrepare);
        for (int i = 0; i < 2; i++) {
            Xml prepared = run("prepareFailover", new PrepareFailoverParameters(a.arrayId(), List.of(group), List.of(src1)), a).ok();
            assertSuccess(prepared.get("SourceDevice", "id", src1));
            assertSuccess(prepared.get("ConsistencyGroup", "id", group));
        }
        Xml atA = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok();
        Element demoted = atA.get("SourceDevice", "id", src1);
        assertThat(demoted.getAttribute("state")).isEqualTo("read-only");
        assertThat(Xml.child(demoted, "Identity")).isEmpty();
        syncAndWait(a, b, List.of(group), List.of(src1));
    }

    @Test
    @Order(14)
    @DisplayName("FO-1 FO-2 FO-3 FO-6 failover promotes with identity and recovery point, data byte-equal; repeat gives the same result; originals intact")
    void failover() {
        Xml check = run("checkFailover", new CheckFailoverParameters(b.arrayId(), List.of(groupKey), List.of(key1)), b).ok();
        assertSuccess(check.get("TargetDevice", "key", key1));
        FailoverParameters p = new FailoverParameters(b.arrayId(), List.of(accessGroup()),
                List.of(new TargetGroupRequest(groupKey, Optional.empty(), groupKeys.stream()
                        .map(k -> new org.opensra.protocol.params.DeviceAccess(k, List.of("esx-test"))).toList())),
                List.of(new TargetDeviceRequest(key1, List.of("esx-test"), Optional.empty())));
        Xml first = run("failover", p, b).ok();
        Element device = first.get("TargetDevice", "key", key1);
        assertSuccess(device);
        assertThat(device.getAttribute("state")).isEqualTo("read-write");
        String promoted = device.getAttribute("id");
        assertThat(promoted).isNotEmpty();
        assertThat(Xml.all(device, "Identity")).isNotEmpty();
        assertThat(Xml.all(device, "RecoveryPoint")).isNotEmpty();
        assertSuccess(first.get("TargetGroup", "key", groupKey));
        assertThat(lab.read(b, promoted, OFFSET, beforePrepare.length)).isEqualTo(beforePrepare);

        Xml second = run("failover", p, b).ok();
        Element again = second.get("TargetDevice", "key", key1);
        assertSuccess(again);
        assertThat(again.getAttribute("id")).isEqualTo(promoted);
        assertThat(Xml.warnings(again)).isNotEmpty();
        // FO-6: the original source is intact
        assertThat(lab.read(a, src1, OFFSET, beforePrepare.length)).isEqualTo(beforePrepare);
        // a promoted replica is in the wrong state for a test failover
        Xml wrong = run("testFailoverStart", new TestFailoverStartParameters(b.arrayId(), List.of(), List.of(),
                List.of(TargetDeviceRequest.of(key1))), b).ok();
        assertThat(Xml.errorCode(wrong.get("TargetDevice", "key", key1))).isPresent();
    }

    @Test
    @Order(15)
    @DisplayName("RES-1 RES-2 RES-4 restoreReplication discards the recovery site's writes, makes sources writable again, idempotent")
    void restore() {
        byte[] recoveryWrite = pattern(64 * 1024);
        lab.write(b, key1, OFFSET, recoveryWrite);
        for (int i = 0; i < 2; i++) {
            Xml restored = run("restoreReplication", new RestoreReplicationParameters(a.arrayId(), b.arrayId(),
                    List.of(SettingsItem.of(group)), List.of(SettingsItem.of(src1))), a).ok();
            assertSuccess(restored.get("Device", "id", src1));
        }
        syncAndWait(a, b, List.of(group), List.of(src1));
        assertThat(lab.read(b, key1, OFFSET, beforePrepare.length)).isEqualTo(beforePrepare);
        byte[] writable = pattern(4096);
        lab.write(a, src1, OFFSET, writable);
        Xml atA = run("discoverDevices", new DiscoverDevicesParameters(a.arrayId(), b.arrayId()), a).ok();
        assertThat(atA.get("SourceDevice", "id", src1).getAttribute("state")).isEqualTo("read-write");
    }

    // ------------------------------------------------------------------ disaster and reverse

    @Test
    @Order(16)
    @DisplayName("FO-5 PF-3 REV-1 REV-2 REV-5 REV-6 DD-5 disaster failover with the protected daemon killed, then reverse sending only changed blocks")
    void disasterAndReverse() {
        byte[] synced = pattern(64 * 1024);
        lab.write(a, src2, OFFSET, synced);
        syncAndWait(a, b, List.of(), List.of(src2));
        lab.stopSite(a);
        String promoted;
        try {
            Xml fo = run("failover", new FailoverParameters(b.arrayId(), List.of(accessGroup()), List.of(),
                    List.of(new TargetDeviceRequest(key2, List.of("esx-test"), Optional.empty()))), b).ok();
            Element device = fo.get("TargetDevice", "key", key2);
            assertSuccess(device);
            promoted = device.getAttribute("id");
            assertThat(lab.read(b, promoted, OFFSET, synced.length)).isEqualTo(synced);
        } finally {
            lab.startSite(a);
        }
        Xml prepared = run("prepareFailover", new PrepareFailoverParameters(a.arrayId(), List.of(), List.of(src2)), a).ok();
        assertSuccess(prepared.get("SourceDevice", "id", src2));

        byte[] changed = pattern(64 * 1024);
        lab.write(b, promoted, OFFSET + (2L << 20), changed);
        for (int i = 0; i < 2; i++) {
            Xml reversed = run("reverseReplication", new ReverseReplicationParameters(b.arrayId(), a.arrayId(),
                    List.of(), List.of(SettingsItem.of(promoted))), b).ok();
            assertSuccess(reversed.get("Device", "id", promoted));
        }
        Xml atB = run("discoverDevices", new DiscoverDevicesParameters(b.arrayId(), a.arrayId()), b).ok();
        assertThat(atB.find("SourceDevice", "id", promoted)).isPresent();
        Xml started = run("syncOnce", new SyncOnceParameters(b.arrayId(), a.arrayId(), List.of(), List.of(promoted),
                List.of(), List.of()), b).ok();
        String jobId = Xml.all(started.get("SourceDevice", "id", promoted), "DeviceSync").get(0).getAttribute("id");
        syncAndWait(b, a, List.of(), List.of(promoted));
        assertThat(lab.read(a, src2, OFFSET + (2L << 20), changed.length)).isEqualTo(changed);
        assertThat(lab.read(a, src2, OFFSET, synced.length)).isEqualTo(synced);
        JsonObject job = lab.cli(b, "job", "show", "--job", jobId);
        assertThat(job.optLong("bytesSent").orElse(Long.MAX_VALUE)).as("REV-2 only changed blocks are sent")
                .isLessThan(8L << 20);
    }
}
