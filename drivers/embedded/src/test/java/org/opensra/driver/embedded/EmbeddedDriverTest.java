package org.opensra.driver.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.Identity;
import org.opensra.spi.Initiator;
import org.opensra.spi.InitiatorType;
import org.opensra.spi.LinkState;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;
import org.opensra.spi.Promotion;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicatedVolume;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.ReplicationSettings;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.SyncStatus;
import org.opensra.spi.TestCopyResult;
import org.opensra.spi.VolumeAccess;

/** The driver against a canned management API (real daemons are exercised by the dist ITs). */
class EmbeddedDriverTest {
    private static final String SECRET = "s3cret-pw";
    private FakeArray fake;

    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static final String ARRAY = j("{'id':'array-b','name':'Site B','model':'OpenSRA Embedded Array',"
            + "'software':{'name':'OpenSRA Replication','version':'0.1.0'},'peers':[{'id':'array-a','address':'x','reachable':true}],"
            + "'ports':{'fc':['50:01:00:00:00:00:00:01'],'iscsi':['iqn.2026-11.org.opensra:array-b'],'nfs':['127.0.0.1']}}");

    private static final String LISTING = j("{'arrayId':'array-b','pairs':["
            + "{'id':'array-a.pair.1','name':'vm-01','groupId':null,'role':'target',"
            + " 'localVolume':{'id':'array-b.vol.1','name':'vm-01','wwn':'60a0b1c2d3e4f5000000000000000001','access':'read-only','sizeBytes':1048576,'kind':'block'},"
            + " 'peerArrayId':'array-a','peerVolumeId':'array-a.vol.1','rpoSeconds':300,'keep':5,'state':'ok','lastSync':'2026-11-25T10:00:00Z',"
            + " 'lastRecoveryPoint':{'id':'array-b.rp.4','name':'rp4','time':'2026-11-25T10:00:00Z'},'mappings':[],"
            + " 'clones':[{'id':'array-b.vol.9','name':'c','wwn':'60a0b1c2d3e4f5000000000000000009','recoveryPointId':'array-b.rp.3',"
            + "   'mappings':[{'hostGroupId':'array-b.hg.1','hostGroupName':'esx','lun':7,'target':'iqn.t'}]}]},"
            + "{'id':'array-a.pair.2','name':'vm-02','groupId':null,'role':'promoted',"
            + " 'localVolume':{'id':'array-b.vol.2','name':'vm-02','wwn':'60a0b1c2d3e4f5000000000000000002','access':'read-write','sizeBytes':1048576,'kind':'block'},"
            + " 'peerArrayId':'array-a','peerVolumeId':'array-a.vol.2','state':'suspended','lastSync':'2026-11-25T10:00:00Z',"
            + " 'mappings':[{'hostGroupId':'array-b.hg.1','hostGroupName':'esx','lun':1,'target':'iqn.t'}],'clones':[]},"
            + "{'id':'array-a.pair.3','name':'vm-03','groupId':'array-a.cg.1','role':'target',"
            + " 'localVolume':{'id':'array-b.vol.3','name':'vm-03','wwn':'60a0b1c2d3e4f5000000000000000003','access':'read-only','sizeBytes':1048576,'kind':'block'},"
            + " 'peerArrayId':'array-a','peerVolumeId':'array-a.vol.3','state':'ok','lastSync':null,'mappings':[],'clones':[]}],"
            + "'groups':[{'id':'array-a.cg.1','name':'cg','role':'target','peerArrayId':'array-a','pairIds':['array-a.pair.3'],"
            + " 'volumeIds':['array-b.vol.3'],'rpoSeconds':60,'keep':3,'state':'ok','lastSync':null,'clones':[]}]}");

    @BeforeEach
    void start() throws Exception {
        fake = new FakeArray("admin", SECRET);
        fake.json("GET /array", ARRAY).json("GET /replication", LISTING)
                .json("GET /host-groups", j("{'hostGroups':[{'id':'array-b.hg.1','name':'esx','hosts':['h1'],"
                        + "'initiators':[{'type':'FC','id':'21:00:00:00:00:00:00:01'},{'type':'iSCSI','id':'iqn.host'}]}]}"))
                .json("POST /replication/recovery-points", j("{'items':[{'object':'array-b.vol.1','kind':'volume','ok':true,"
                        + "'recoveryPoints':[{'id':'array-b.rp.4','name':'rp4','time':'2026-11-25T10:00:00Z'},"
                        + "{'id':'array-b.rp.3','name':'rp3','time':'2026-11-25T09:55:00Z'}]}]}"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ArrayDriver open(IdentityForm form) throws DriverException {
        return factory(form).open(connection(SECRET));
    }

    private static EmbeddedDriverFactory factory(IdentityForm form) {
        return new EmbeddedDriverFactory(new DriverOptions(form, Optional.empty(), 5, 30));
    }

    private ConnectionValues connection(String password) {
        return new ConnectionValues("array", Map.of("managementAddress", "http://" + fake.address()),
                Optional.of("admin"), Optional.of(password), Map.of());
    }

    @Test
    @DisplayName("the factory is found by ServiceLoader under the name embedded")
    void serviceLoader() {
        assertThat(ServiceLoader.load(ArrayDriverFactory.class).stream().map(p -> p.get().name()))
                .contains("embedded");
    }

    @Test
    @DisplayName("refused credentials are AUTHENTICATION_FAILED naming the address, never the password")
    void refusedCredentials() {
        assertThatThrownBy(() -> factory(IdentityForm.WWN).open(connection("wrong-pw")))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.error()).isEqualTo(DriverError.AUTHENTICATION_FAILED);
                    assertThat(e.placeholders()).containsEntry("Address", "http://" + fake.address());
                    assertThat(e.getMessage()).doesNotContain("wrong-pw").doesNotContain(SECRET);
                });
    }

    @Test
    @DisplayName("an unreachable array is ARRAY_UNREACHABLE naming the address")
    void unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ConnectionValues values = new ConnectionValues("array", Map.of("managementAddress", "127.0.0.1:" + port),
                Optional.of("admin"), Optional.of(SECRET), Map.of());
        assertThatThrownBy(() -> factory(IdentityForm.WWN).open(values))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.error()).isEqualTo(DriverError.ARRAY_UNREACHABLE);
                    assertThat(e.placeholders()).containsEntry("Address", "127.0.0.1:" + port);
                });
    }

    @Test
    @DisplayName("DA-1 arrays: id, name, model, software and peers from GET /array")
    void arrays() throws Exception {
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            var info = driver.arrays().get(0);
            assertThat(info.id()).isEqualTo("array-b");
            assertThat(info.name()).contains("Site B");
            assertThat(info.software().version()).isEqualTo("0.1.0");
            assertThat(info.peerArrayIds()).containsExactly("array-a");
        }
    }

    @Test
    @DisplayName("an unknown array id is UNKNOWN_ARRAY naming it")
    void unknownArray() throws Exception {
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            assertThatThrownBy(() -> driver.inventory("array-x")).isInstanceOfSatisfying(DriverException.class, e -> {
                assertThat(e.error()).isEqualTo(DriverError.UNKNOWN_ARRAY);
                assertThat(e.placeholders()).containsEntry("ArrayId", "array-x");
            });
        }
    }

    @Test
    @DisplayName("DD-3 DD-6 DD-7 TF-8 inventory: roles, promoted ids, groups, test copies with their recovery point, LUN identities")
    void inventory() throws Exception {
        try (ArrayDriver driver = open(IdentityForm.LUN_INITIATOR_GROUP)) {
            ArrayInventory inv = driver.inventory("array-b");
            ReplicatedVolume replica = inv.volumesById().get("array-b.vol.1");
            assertThat(replica.role()).isEqualTo(ReplicationRole.TARGET);
            assertThat(replica.access()).isEqualTo(VolumeAccess.READ_ONLY);
            assertThat(replica.peerVolumeId()).isEqualTo("array-a.vol.1");
            assertThat(replica.identity()).isEmpty();
            assertThat(replica.link()).isEqualTo(LinkState.ACTIVE);
            assertThat(replica.testCopy()).hasValueSatisfying(copy -> {
                assertThat(copy.id()).isEqualTo("array-b.vol.9");
                assertThat(copy.recoveryPoint().id()).isEqualTo("array-b.rp.3");
                assertThat(copy.recoveryPoint().time()).isEqualTo(Instant.parse("2026-11-25T09:55:00Z"));
                assertThat(copy.identity()).contains(new Identity.Luns(List.of(
                        new Identity.Lun(7, Optional.of("array-b.hg.1"), Optional.empty()))));
            });
            ReplicatedVolume promoted = inv.volumesById().get("array-b.vol.2");
            assertThat(promoted.isPromoted()).isTrue();
            assertThat(promoted.promotedVolumeId()).contains("array-b.vol.2");
            assertThat(promoted.link()).isEqualTo(LinkState.STOPPED);
            ReplicatedVolume member = inv.volumesById().get("array-b.vol.3");
            assertThat(member.groupId()).contains("array-a.cg.1");
            assertThat(member.link()).isEqualTo(LinkState.INITIAL_SYNC);
            assertThat(inv.groups()).singleElement().satisfies(g -> {
                assertThat(g.peerGroupId()).isEqualTo("array-a.cg.1");
                assertThat(g.volumeIds()).containsExactly("array-b.vol.3");
            });
            assertThat(inv.storagePorts()).extracting(p -> p.id())
                    .containsExactly("50:01:00:00:00:00:00:01", "iqn.2026-11.org.opensra:array-b");
            assertThat(inv.initiatorGroups()).singleElement().satisfies(g ->
                    assertThat(g.initiators()).containsExactly(Initiator.of(InitiatorType.FC, "21:00:00:00:00:00:00:01"),
                            Initiator.of(InitiatorType.ISCSI, "iqn.host")));
        }
    }

    @Test
    @DisplayName("TF-4 TF-6 RESP-1 test copies: per-item unknown key, existing copy, no replica, bad id never sent")
    void testCopiesPartial() throws Exception {
        fake.on("POST /replication/test-clones", c -> new FakeArray.Answer(200, j("{'items':["
                + "{'object':'array-b.vol.1','kind':'volume','ok':true,'clones':[{'id':'array-b.vol.20','name':'t','wwn':'60aa',"
                + "  'replicaId':'array-b.vol.1','recoveryPointId':'array-b.rp.4'}],'recoveryPoint':{'id':'array-b.rp.4','name':'rp4','time':'2026-11-25T10:00:00Z'}},"
                + "{'object':'array-b.vol.77','kind':'volume','ok':false,'error':{'code':'NOT_FOUND','message':'unknown volume array-b.vol.77','object':'array-b.vol.77'}},"
                + "{'object':'array-b.vol.2','kind':'volume','ok':false,'error':{'code':'CONFLICT','message':'a test clone already exists','object':'array-b.vol.2'}},"
                + "{'object':'array-b.vol.3','kind':'volume','ok':false,'error':{'code':'WRONG_STATE','message':'no replica yet: initial sync not done','object':'array-b.vol.3'}}"
                + "]}")));
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            List<ReplicaRequest> requests = List.of(ReplicaRequest.latest(ObjectRef.volume("array-b.vol.1")),
                    ReplicaRequest.latest(ObjectRef.volume("array-b.vol.77")),
                    ReplicaRequest.latest(ObjectRef.volume("array-b.vol.2")),
                    ReplicaRequest.latest(ObjectRef.volume("array-b.vol.3")),
                    ReplicaRequest.latest(ObjectRef.volume("Bad Key!")));
            Map<ReplicaRequest, Outcome<TestCopyResult>> out = driver.createTestCopies("array-b", requests);
            assertThat(out).hasSize(5);
            assertThat(out.get(requests.get(0))).isInstanceOfSatisfying(Outcome.Done.class, d -> {
                TestCopyResult r = (TestCopyResult) d.value();
                assertThat(r.copy().id()).isEqualTo("array-b.vol.20");
                assertThat(r.cloneIdsByVolume()).containsEntry("array-b.vol.1", "array-b.vol.20");
                assertThat(r.copy().recoveryPoint().time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
            });
            assertFailure(out.get(requests.get(1)), DriverError.UNKNOWN_KEY, "Key", "array-b.vol.77");
            assertFailure(out.get(requests.get(2)), DriverError.TEST_COPY_EXISTS, "Key", "array-b.vol.2");
            assertFailure(out.get(requests.get(3)), DriverError.NO_REPLICA, "Key", "array-b.vol.3");
            assertFailure(out.get(requests.get(4)), DriverError.UNKNOWN_KEY, "Key", "Bad Key!");
            assertThat(fake.calls("POST /replication/test-clones")).singleElement()
                    .satisfies(c -> assertThat(c.body()).doesNotContain("Bad Key"));
        }
    }

    @Test
    @DisplayName("RP-2 FO-2 promote: one call per recovery point, unknown recovery point named, promoted ids and revert snapshots")
    void promote() throws Exception {
        fake.on("POST /replication/promote", c -> {
            boolean withPoint = c.json().has("recoveryPoint");
            return new FakeArray.Answer(200, withPoint
                    ? j("{'items':[{'object':'array-b.vol.1','kind':'volume','ok':false,'error':{'code':'NOT_FOUND',"
                            + "'message':'unknown recovery point array-b.rp.99','object':'array-b.rp.99'}}]}")
                    : j("{'items':[{'object':'array-a.cg.1','kind':'group','ok':true,'noop':true,"
                            + "'volumes':[{'id':'array-b.vol.3','name':'vm-03','access':'read-write','wwn':'60a3'}],"
                            + "'snapshots':[{'id':'array-b.snap.5','name':'prepromote','volumeId':'array-b.vol.3'}],"
                            + "'recoveryPoint':{'id':'array-b.rp.7','name':'rp7','time':'2026-11-25T10:01:00Z'}}]}"));
        });
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            ReplicaRequest withPoint = new ReplicaRequest(ObjectRef.volume("array-b.vol.1"), Optional.of("array-b.rp.99"));
            ReplicaRequest group = ReplicaRequest.latest(ObjectRef.group("array-a.cg.1"));
            Map<ReplicaRequest, Outcome<Promotion>> out = driver.promote("array-b", List.of(withPoint, group));
            assertFailure(out.get(withPoint), DriverError.UNKNOWN_RECOVERY_POINT, "RecoveryPoint", "array-b.rp.99");
            Promotion p = ((Outcome.Done<Promotion>) out.get(group)).value();
            assertThat(p.changed()).isFalse();
            assertThat(p.promotedGroupId()).contains("array-a.cg.1");
            assertThat(p.promotedVolumeIds()).containsEntry("array-b.vol.3", "array-b.vol.3");
            assertThat(p.recoveryPoint().id()).isEqualTo("array-b.rp.7");
            assertThat(p.revertSnapshots()).extracting(s -> s.id()).containsExactly("array-b.snap.5");
            assertThat(fake.calls("POST /replication/promote")).hasSize(2);
        }
    }

    @Test
    @DisplayName("FO-3 present with initiators: mapped to them, other host groups unmapped, WWN identity")
    void present() throws Exception {
        fake.json("POST /mappings/map", j("{'items':[{'object':'array-b.vol.2','kind':'volume','ok':true,"
                + "'hostGroupId':'array-b.hg.2','lun':4,'target':'iqn.t','noop':true,"
                + "'initiators':[{'type':'FC','id':'21:00:00:00:00:00:00:09'}]}]}"));
        fake.json("GET /mappings", j("{'mappings':[{'volumeId':'array-b.vol.2','hostGroupId':'array-b.hg.1','hostGroupName':'esx','lun':1,'target':'iqn.t'},"
                + "{'volumeId':'array-b.vol.2','hostGroupId':'array-b.hg.2','hostGroupName':'adhoc-1','lun':4,'target':'iqn.t'}]}"));
        fake.json("POST /mappings/unmap", j("{'items':[{'object':'array-b.vol.2','kind':'volume','ok':true,'noop':false,'removed':1}]}"));
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            PresentationRequest request = new PresentationRequest("array-b.vol.2",
                    List.of(Initiator.of(InitiatorType.FC, "21:00:00:00:00:00:00:09")));
            Presentation p = ((Outcome.Done<Presentation>) driver.present("array-b", List.of(request)).get(request)).value();
            assertThat(p.identity()).isEqualTo(new Identity.Wwn("60:a0:b1:c2:d3:e4:f5:00:00:00:00:00:00:00:00:02"));
            assertThat(p.changed()).isTrue();
            assertThat(p.parameters()).containsEntry("lun", "4").containsEntry("removedOtherMappings", "1");
            assertThat(fake.calls("POST /mappings/unmap")).singleElement()
                    .satisfies(c -> assertThat(c.json().string("hostGroup")).isEqualTo("array-b.hg.1"));
            assertThat(fake.calls("POST /mappings/map").get(0).body()).contains("\"type\":\"FC\"");
        }
    }

    @Test
    @DisplayName("SYNC-2 SYNC-3 sync: running session reported, failed job is REPLICATION_BROKEN, unknown job UNKNOWN_SYNC")
    void sync() throws Exception {
        fake.json("POST /replication/sync", j("{'items':[{'object':'array-b.vol.1','kind':'volume','ok':true,"
                + "'jobId':'array-a.job.3','alreadyRunning':true,'state':'running','percent':40,'remainingSeconds':3}]}"));
        fake.json("GET /jobs/array-a.job.3", j("{'id':'array-a.job.3','state':'failed','percent':40,"
                + "'error':{'code':'PEER_UNREACHABLE','message':'peer array-b did not answer','object':null}}"));
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            ObjectRef ref = ObjectRef.volume("array-b.vol.1");
            SyncJob job = ((Outcome.Done<SyncJob>) driver.startSync("array-b", List.of(ref)).get(ref)).value();
            assertThat(job.alreadyRunning()).isTrue();
            assertThat(job.status()).isEqualTo(SyncStatus.IN_PROGRESS);
            assertThat(job.progress()).hasValue(40);
            SyncQuery failed = new SyncQuery(ref, "array-a.job.3");
            SyncQuery unknown = new SyncQuery(ref, "array-a.job.404");
            var status = driver.syncStatus("array-b", List.of(failed, unknown));
            assertFailure(status.get(failed), DriverError.REPLICATION_BROKEN, "Object", "array-b.vol.1");
            assertFailure(status.get(unknown), DriverError.UNKNOWN_SYNC, "SyncId", "array-a.job.404");
        }
    }

    @Test
    @DisplayName("REV-5 REV-7 reverse: no-op reported as unchanged, differing settings hint reported as a problem")
    void reverse() throws Exception {
        fake.json("POST /replication/reverse", j("{'items':[{'object':'array-b.vol.1','kind':'volume','ok':true,'noop':true,"
                + "'sourceArrayId':'array-b','volumes':[{'id':'array-b.vol.1','role':'source'}]}]}"));
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            ObjectRef ref = ObjectRef.volume("array-b.vol.1");
            Map<ObjectRef, Outcome<ReplicationChange>> out = driver.reverseReplication("array-b", List.of(
                    new SettingsRequest(ref, Optional.of(new ReplicationSettings(Map.of("rpoSeconds", "60"))))));
            ReplicationChange change = ((Outcome.Done<ReplicationChange>) out.get(ref)).value();
            assertThat(change.changed()).isFalse();
            assertThat(change.appliedSettings()).containsEntry("rpoSeconds", "300");
            assertThat(change.settingsProblem()).hasValueSatisfying(p -> assertThat(p).contains("rpoSeconds is 300"));
        }
    }

    @Test
    @DisplayName("REV-1 RES-1 prepareReverse/RestoreReplication: a replicated device or group of the array succeeds, anything else is unknown")
    void prepareSteps() throws Exception {
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            ObjectRef device = ObjectRef.volume("array-b.vol.1");
            ObjectRef group = ObjectRef.group("array-a.cg.1");
            ObjectRef stranger = ObjectRef.volume("array-b.vol.404");
            List<SettingsRequest> requests = List.of(new SettingsRequest(device, Optional.empty()),
                    new SettingsRequest(group, Optional.empty()), new SettingsRequest(stranger, Optional.empty()));
            for (var out : List.of(driver.prepareReverseReplication("array-b", requests),
                    driver.prepareRestoreReplication("array-b", requests))) {
                assertThat(out).containsOnlyKeys(device, group, stranger);
                assertThat(((Outcome.Done<Change>) out.get(device)).value().details()).containsKey("role");
                assertThat(out.get(group)).isInstanceOf(Outcome.Done.class);
                assertFailure(out.get(stranger), DriverError.UNKNOWN_DEVICE, "DeviceId", "array-b.vol.404");
            }
            assertThat(fake.calls("POST /replication/reverse")).isEmpty();
            assertThat(fake.calls("POST /replication/restore")).isEmpty();
        }
    }

    @Test
    @DisplayName("PF-1 PF-2 demote and TF-7 delete copies: noop is unchanged; unpresent of an unknown device is UNKNOWN_DEVICE")
    void demoteAndMasking() throws Exception {
        fake.json("POST /replication/demote", j("{'items':[{'object':'array-a.vol.1','kind':'volume','ok':true,'noop':true,"
                + "'snapshots':[{'id':'array-a.snap.1','name':'prefailover','volumeId':'array-a.vol.1'}]}]}"));
        fake.json("POST /replication/test-clones/delete", j("{'items':[{'object':'array-b.vol.1','kind':'volume','ok':true,'noop':true,'deleted':[]}]}"));
        fake.json("GET /mappings", j("{'mappings':[]}"));
        fake.json("POST /mappings/unmap", j("{'items':[{'object':'array-b.vol.88','kind':'volume','ok':false,"
                + "'error':{'code':'NOT_FOUND','message':'unknown volume','object':'array-b.vol.88'}}]}"));
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            ObjectRef source = ObjectRef.volume("array-a.vol.1");
            var demotion = ((Outcome.Done<org.opensra.spi.Demotion>) driver.demote("array-b", List.of(source)).get(source)).value();
            assertThat(demotion.changed()).isFalse();
            assertThat(demotion.snapshots()).extracting(s -> s.id()).containsExactly("array-a.snap.1");
            ObjectRef replica = ObjectRef.volume("array-b.vol.1");
            Change deleted = ((Outcome.Done<Change>) driver.deleteTestCopies("array-b", List.of(replica)).get(replica)).value();
            assertThat(deleted.changed()).isFalse();
            assertFailure(driver.unpresent("array-b", List.of("array-b.vol.88")).get("array-b.vol.88"),
                    DriverError.UNKNOWN_DEVICE, "DeviceId", "array-b.vol.88");
        }
    }

    @Test
    @DisplayName("DET-1 RS-1 device details and replication settings from the replication listing")
    void detailsAndSettings() throws Exception {
        try (ArrayDriver driver = open(IdentityForm.WWN)) {
            var details = driver.deviceDetails("array-b", List.of("array-b.vol.1", "array-b.vol.404"));
            assertThat(((Outcome.Done<Map<String, String>>) details.get("array-b.vol.1")).value())
                    .containsEntry("capacityBytes", "1048576").containsEntry("rpoSeconds", "300")
                    .containsEntry("replicationMode", "async");
            assertFailure(details.get("array-b.vol.404"), DriverError.UNKNOWN_DEVICE, "DeviceId", "array-b.vol.404");
            ObjectRef group = ObjectRef.group("array-a.cg.1");
            var settings = driver.replicationSettings("array-b", List.of(group, ObjectRef.group("array-a.cg.9")));
            assertThat(((Outcome.Done<ReplicationSettings>) settings.get(group)).value().values())
                    .containsEntry("rpoSeconds", "60").containsEntry("keep", "3");
            assertFailure(settings.get(ObjectRef.group("array-a.cg.9")), DriverError.UNKNOWN_GROUP, "GroupId", "array-a.cg.9");
        }
    }

    private static void assertFailure(Outcome<?> outcome, DriverError error, String placeholder, String value) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, f -> {
            assertThat(f.failure().error()).isEqualTo(error);
            assertThat(f.failure().placeholders()).containsEntry(placeholder, value);
        });
    }
}
