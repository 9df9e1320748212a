package org.opensra.driver.ceph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.SyncStatus;

/**
 * WF-8's restore through the driver on two real Ceph clusters (drivers/ceph/lab/ceph-lab), with the data read
 * back through librbd at both sites: after prepareFailover, failover, writes at the recovery site,
 * prepareRestoreReplication, restoreReplication and a sync, both sites hold the protected data as of the
 * failover and nothing of the recovery site's writes.
 *
 * <p>Opt-in like the other Ceph ITs ({@code -Dopensra.ceph.it=true}; {@code -Dopensra.ceph.lab=DIR} uses a
 * running lab and {@code -Dopensra.ceph.images=pool/a,pool/b} two other fresh mirrored primary images of it).
 */
class CephRestoreIT {
    private static final long SYNC_WAIT_MS = 180_000;
    /** Beyond the first 4 MiB object: an object the recovery site creates, which restore must remove again. */
    private static final long FAR = 20L << 20;

    @Test
    @DisplayName("RES-1 WF-8 after failover, writes at B, prepareRestore and restore and a sync, B's replica equals A's data as of the failover, whether or not A followed B before the restore (A's rollback reaches B)")
    void restoreDiscardsTheRecoverySitesWrites(@TempDir Path tmp) throws Exception {
        assumeTrue(Boolean.getBoolean("opensra.ceph.it"), "opt-in: -Dopensra.ceph.it=true");
        assumeTrue(CephLab.installed(), "Debian's Ceph packages are not installed (see drivers/ceph/README.md)");
        String[] devices = System.getProperty("opensra.ceph.images", "rbd/vol-1,rbd/vol-2").split(",");
        try (CephLab lab = CephLab.start(tmp, 2);
             ArrayDriver a = lab.driver("A");
             ArrayDriver b = lab.driver("B")) {
            List<AssertionError> failures = new ArrayList<>();
            // restore right after failover: A still at its own demotion, never followed B (split-brain risk)
            try {
                restore(lab, a, b, devices[0], false);
            } catch (AssertionError e) {
                failures.add(e);
            }
            // A has followed B and copied B's demotion (with B's writes) before it takes over again
            try {
                restore(lab, a, b, devices[1], true);
            } catch (AssertionError e) {
                failures.add(e);
            }
            if (!failures.isEmpty()) {
                AssertionError all = new AssertionError(failures.size() + " of 2 restores failed: " + failures);
                failures.forEach(all::addSuppressed);
                throw all;
            }
        }
    }

    private static void restore(CephLab lab, ArrayDriver a, ArrayDriver b, String device, boolean followFirst)
            throws Exception {
        String siteA = a.arrays().get(0).id();
        String siteB = b.arrays().get(0).id();
        ObjectRef ref = ObjectRef.volume(device);
        String how = device + (followFirst ? " (A followed B first)" : " (A never followed B)") + ": ";
        byte[] data = fill(8192, 'P');
        byte[] junk = fill(8192, 'J');
        lab.write("A", device, 0, data);
        syncAndWait(a, siteA, ref, how + "first sync");
        assertThat(lab.read("B", device, 0, data.length)).as(how + "replica after the first sync").isEqualTo(data);

        assertDone(a.demote(siteA, List.of(ref)), how + "prepareFailover at A");
        syncAndWait(a, siteA, ref, how + "sync after prepareFailover");
        assertDone(b.promote(siteB, List.of(ReplicaRequest.latest(ref))), how + "failover at B");
        lab.write("B", device, 0, junk);
        lab.write("B", device, FAR, junk);
        assertThat(lab.read("B", device, 0, junk.length)).as(how + "recovery site written").isEqualTo(junk);
        if (followFirst) {
            awaitFollowing(((CephDriver) a).site(), device, how);
        }

        SettingsRequest restore = new SettingsRequest(ref, java.util.Optional.empty());
        assertDone(b.prepareRestoreReplication(siteB, List.of(restore)), how + "prepareRestoreReplication at B");
        assertDone(a.restoreReplication(siteA, List.of(restore)), how + "restoreReplication at A");
        syncAndWait(a, siteA, ref, how + "sync after restore");

        assertThat(lab.read("A", device, 0, data.length)).as(how + "RES-1: A unchanged by failover and restore")
                .isEqualTo(data);
        assertThat(lab.read("A", device, FAR, junk.length)).as(how + "RES-1: A holds nothing of B's writes")
                .isEqualTo(new byte[junk.length]);
        assertThat(lab.read("B", device, 0, data.length))
                .as(how + "RES-1: after restore and sync B's replica equals A (B's writes discarded)").isEqualTo(data);
        assertThat(lab.read("B", device, FAR, junk.length))
                .as(how + "RES-1: B's write to an object A never had is discarded too").isEqualTo(new byte[junk.length]);
    }

    /** Until A's image replays B (its newest snapshot a complete copy of B's promotion snapshot). */
    private static void awaitFollowing(Site a, String device, String how) throws Exception {
        long end = System.currentTimeMillis() + SYNC_WAIT_MS;
        while (true) {
            Image image = a.image(device).orElseThrow();
            if (image.mirrorState() == Image.NON_PRIMARY && image.lastMirror().get().complete()) {
                return;
            }
            assertThat(System.currentTimeMillis()).as(how + "A does not follow B").isLessThan(end);
            Thread.sleep(1000);
        }
    }

    private static void syncAndWait(ArrayDriver driver, String array, ObjectRef ref, String what) throws Exception {
        SyncJob job = done(driver.startSync(array, List.of(ref)), what);
        long end = System.currentTimeMillis() + SYNC_WAIT_MS;
        while (job.status() != SyncStatus.COMPLETE) {
            assertThat(System.currentTimeMillis()).as(what + ": not complete after " + SYNC_WAIT_MS + " ms").isLessThan(end);
            Thread.sleep(1000);
            job = done(driver.syncStatus(array, List.of(new SyncQuery(ref, job.id()))), what);
        }
    }

    private static <K, T> T done(Map<K, Outcome<T>> outcomes, String what) {
        assertThat(outcomes).as(what).hasSize(1);
        Outcome<T> o = outcomes.values().iterator().next();
        assertThat(o).as(what + ": " + o).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) o).value();
    }

    private static <K, T> void assertDone(Map<K, Outcome<T>> outcomes, String what) {
        done(outcomes, what);
    }

    private static byte[] fill(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
