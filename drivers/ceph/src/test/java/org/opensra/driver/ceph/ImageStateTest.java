package org.opensra.driver.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.spi.LinkState;
import org.opensra.spi.ReplicationRole;
import org.opensra.spi.VolumeAccess;
import org.opensra.spi.tls.TlsTrust;

/** The driver's reading of RBD images as the Pacific dashboard returns them (answers copied from a real cluster). */
class ImageStateTest {
    private static final String GLOBAL = "7fde41e2-2306-41bf-a1a8-e5ca06b95d0f";

    static Image image(String snapshots) {
        return Image.parse(JsonReader.parseObject("{\"name\":\"vol-1\",\"pool_name\":\"rbd\",\"id\":\"1047384098a6\","
                + "\"mirror_mode\":\"snapshot\",\"parent\":null,\"snapshots\":[" + snapshots + "]}"));
    }

    static String mirror(long id, int state, boolean complete, String peers, String primarySnapId) {
        String kind = state <= 1 ? "primary" : "non_primary";
        return "{\"id\":" + id + ",\"name\":\".mirror." + kind + "." + GLOBAL + ".dbd8de6f\",\"namespace\":3,"
                + "\"mirror\":{\"state\":" + state + ",\"mirror_peer_uuids\":[" + peers + "],\"complete\":" + complete
                + ",\"primary_snap_id\":" + primarySnapId + "},\"timestamp\":\"2026-12-03T12:49:36Z\"}";
    }

    static String user(long id, String name) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"namespace\":0,\"mirror\":null,"
                + "\"timestamp\":\"2026-12-03T12:51:19Z\"}";
    }

    static Listing listing(Image image, String... markers) {
        Map<String, Image> images = new LinkedHashMap<>();
        images.put(image.spec(), image);
        return new Listing(images, Set.of(markers));
    }

    @Test
    @DisplayName("DD-2 SYNC-3 a primary's sync is done once no older mirror snapshot is linked to the peer (CEPH_NOSNAP ids parse)")
    void syncDoneWhenOlderSnapshotUnlinked() {
        String peer = "\"aef17dfc-670f-4fd5-bb3e-ea63c53c9c8b\"";
        Image running = image(mirror(4, 0, true, peer, "18446744073709552000") + "," + user(8, "opensra-sync-1")
                + "," + mirror(9, 0, true, peer, "18446744073709552000"));
        assertThat(Syncs.copied(running, 9)).isFalse();
        assertThat(Syncs.runningJob(running)).isPresent();
        Image done = image(mirror(4, 0, true, "", "18446744073709552000") + "," + user(8, "opensra-sync-1")
                + "," + mirror(9, 0, true, peer, "18446744073709552000"));
        assertThat(Syncs.copied(done, 9)).isTrue();
        assertThat(Syncs.runningJob(done)).isEmpty();
        assertThat(done.globalId()).contains(GLOBAL);
        Roles roles = Roles.of(done, listing(done));
        assertThat(roles.role()).isEqualTo(ReplicationRole.SOURCE);
        assertThat(roles.access()).isEqualTo(VolumeAccess.READ_WRITE);
    }

    @Test
    @DisplayName("DD-3 DD-4 roles: non-primary is a replica, primary-demoted a demoted source, primary with the promoted marker a promoted replica")
    void rolesFromMirrorStateAndMarkers() {
        Image replica = image(user(8, "opensra-sync-1") + "," + mirror(9, 2, true, "", "9"));
        assertThat(Roles.of(replica, listing(replica)).isReplica()).isTrue();
        assertThat(Roles.of(replica, listing(replica)).link()).isEqualTo(LinkState.ACTIVE);
        Image syncing = image(mirror(9, 2, false, "", "9"));
        assertThat(Roles.of(syncing, listing(syncing)).link()).isEqualTo(LinkState.INITIAL_SYNC);
        Image demoted = image(mirror(4, 0, true, "", "1") + "," + mirror(9, 1, true, "\"p\"", "1"));
        assertThat(Roles.of(demoted, listing(demoted)).isDemotedSource()).isTrue();
        // a demoted source that rbd-mirror already made follow its promoted peer stays the demoted source
        assertThat(Roles.of(replica, listing(replica, "rbd/demoted.vol-1")).isDemotedSource()).isTrue();
        Image primary = image(mirror(12, 0, true, "\"p\"", "1"));
        assertThat(Roles.of(primary, listing(primary, "rbd/promoted.vol-1")).isPromoted()).isTrue();
        assertThat(Roles.of(primary, listing(primary)).isSource()).isTrue();
    }

    @Test
    @DisplayName("TF-2 a test copy is cloned from the newest sync snapshot older than the newest complete mirror snapshot")
    void testCopyBase() {
        Image replica = image(user(5, "opensra-sync-1") + "," + mirror(6, 2, true, "", "6") + ","
                + user(8, "opensra-sync-2") + "," + mirror(9, 2, false, "", "9"));
        assertThat(replica.lastCompleteMirror().get().id()).isEqualTo(6);
        assertThat(TestCopies.base(replica, 6).get().name()).isEqualTo("opensra-sync-1");
        Image none = image(mirror(6, 2, true, "", "6"));
        assertThat(TestCopies.base(none, 6)).isEmpty();
    }

    @Test
    @DisplayName("CONN-2 a pinned certificate fingerprint is 64 hex digits (colons allowed); anything else is refused")
    void fingerprintPin() {
        String pin = "48:7D:FA:BE:BF:5B:04:36:60:34:4F:E4:6A:25:EC:51:5A:2C:1F:75:25:4E:54:17:1B:68:56:2A:05:DF:FA:EB";
        // the driver's trust is the embedded driver's (spi TlsTrust): the same pins are accepted and refused
        assertThat(TlsTrust.pinned(pin).pinnedFingerprint()).isEqualTo(pin);
        assertThat(TlsTrust.pinned(pin.replace(":", "").toLowerCase()).pinnedFingerprint()).isEqualTo(pin);
        assertThatThrownBy(() -> TlsTrust.pinned("48:7D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsTrust.pinned(pin.replace('A', 'Z'))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DD-7 WWNs are NAA 6, stable, and differ between sites")
    void wwns() {
        String a = Wwns.of("site-a", GLOBAL);
        assertThat(a).matches("6[0-9a-f](:[0-9a-f]{2}){15}");
        assertThat(Wwns.of("site-a", GLOBAL)).isEqualTo(a);
        assertThat(Wwns.of("site-b", GLOBAL)).isNotEqualTo(a);
    }

    @Test
    @DisplayName("CONN-2 SEC-1 manager addresses: host:port means https; plain http only on loopback")
    void addresses() {
        assertThat(DashboardClient.baseUrl("10.0.0.5:8443")).isEqualTo("https://10.0.0.5:8443");
        assertThat(DashboardClient.baseUrl("https://ceph-mgr:8443/")).isEqualTo("https://ceph-mgr:8443");
        assertThat(DashboardClient.baseUrl("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> DashboardClient.baseUrl("http://10.0.0.5:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CephDriverFactory.pools(java.util.Optional.of(" rbd, ssd ,"))).containsExactly("rbd", "ssd");
        assertThat(CephDriverFactory.pools(java.util.Optional.empty())).containsExactly("rbd");
    }
}
