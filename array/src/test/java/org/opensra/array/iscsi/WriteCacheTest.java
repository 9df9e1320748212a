package org.opensra.array.iscsi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.Ids;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iSCSI write cache (WCE=1, core.PendingWrites): a WRITE is visible at once to reads, snapshots and
 * clones; after SYNCHRONIZE CACHE or with FUA it is in the store (a "crash" here is reopening the data
 * folder without storing the queue, as after SIGKILL); without either a crash may lose it, but only
 * whole, never half a block and never anything stored before.
 */
class WriteCacheTest {
    private static final int BLOCK = DataLog.BLOCK;

    @TempDir
    Path dir;
    private Db db;
    private DataLog data;
    private VolumeService vols;
    private ScsiCommandSet scsi;
    private Volume vol;
    private TreeMap<Integer, LogicalUnit> luns;
    private final Nexus me = new Nexus("iqn.me", "00023d000001", "iqn.t");

    @BeforeEach
    void setUp() {
        open();
        vol = vols.create("v", 4L * BLOCK, "block");
        luns = new TreeMap<>();
        luns.put(0, new LogicalUnit(0, vol.id(), vol.wwn(), vol.size(), true));
    }

    private void open() {
        db = new Db(dir.resolve("meta.db"));
        data = new DataLog(dir.resolve("blocks.dat"));
        vols = new VolumeService(db, data, new Ids("unit"));
        scsi = new ScsiCommandSet(vols, new Reservations(), true); // the daemon's --iscsi-write-cache
    }

    /** Closes the store as SIGKILL would leave it: the queued writes are not stored. */
    private void crashAndReopen() {
        data.close();
        db.close();
        open();
    }

    @AfterEach
    void tearDown() {
        data.close();
        db.close();
    }

    private static byte[] write10(long lba, int blocks, boolean fua) {
        return new byte[] {0x2a, (byte) (fua ? 0x08 : 0), (byte) (lba >> 24), (byte) (lba >> 16), (byte) (lba >> 8),
            (byte) lba, 0, (byte) (blocks >> 8), (byte) blocks, 0};
    }

    private void write(long offset, byte[] bytes, boolean fua) {
        ScsiResult r = scsi.execute(me, 0, luns, write10(offset / 512, bytes.length / 512, fua), bytes);
        assertThat(r.status()).as("WRITE status").isZero();
    }

    private void synchronizeCache() {
        assertThat(scsi.execute(me, 0, luns, new byte[] {0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}, null).status()).isZero();
    }

    private byte[] read(String id, long offset, int len) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vols.read(id, offset, len, out);
        return out.toByteArray();
    }

    private static byte[] pattern(int len, int seed) {
        byte[] b = new byte[len];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    @DisplayName("issue 13: the caching mode page reports WCE=1 (a volatile write cache), so SYNCHRONIZE CACHE and FUA matter")
    void reportsWriteCache() {
        ScsiResult r = scsi.execute(me, 0, luns, new byte[] {0x1a, 0x08, 0x08, 0, (byte) 0xff, 0}, null);
        byte[] d = r.data();
        assertThat(d[4] & 0x3f).as("caching page").isEqualTo(0x08);
        assertThat(d[4 + 2] & 0x04).as("WCE").isEqualTo(0x04);
    }

    @Test
    @DisplayName("issue 13: without --iscsi-write-cache (the default) the caching page reports WCE=0 and every acknowledged WRITE survives a crash")
    void withoutWriteCacheEveryWriteIsDurable() throws IOException {
        scsi = new ScsiCommandSet(vols, new Reservations());
        byte[] d = scsi.execute(me, 0, luns, new byte[] {0x1a, 0x08, 0x08, 0, (byte) 0xff, 0}, null).data();
        assertThat(d[4 + 2] & 0x04).as("WCE").isZero();
        byte[] b = pattern(4096, 9);
        write(4096, b, false);
        crashAndReopen();
        assertThat(read(vol.id(), 4096, 4096)).isEqualTo(b);
    }

    @Test
    @DisplayName("issue 13 DD-7: a write acknowledged then SYNCHRONIZE CACHE survives a crash of the daemon")
    void synchronizedWriteSurvives() throws IOException {
        byte[] before = pattern(BLOCK, 1);
        write(0, before, false);
        synchronizeCache();
        byte[] after = pattern(4096, 2);
        write(8192, after, false);
        synchronizeCache();
        crashAndReopen();
        byte[] expect = before.clone();
        System.arraycopy(after, 0, expect, 8192, after.length);
        assertThat(read(vol.id(), 0, BLOCK)).isEqualTo(expect);
    }

    @Test
    @DisplayName("issue 13: a WRITE with FUA survives a crash; a later WRITE without FUA nor SYNCHRONIZE CACHE may be lost, only whole")
    void fuaSurvivesUnsyncedMayBeLostWhole() throws IOException {
        byte[] base = pattern(2 * BLOCK, 3);
        write(0, base, true);
        byte[] lost = pattern(4096, 4);
        write(BLOCK - 2048, lost, false); // straddles two blocks
        byte[] seen = base.clone();
        System.arraycopy(lost, 0, seen, BLOCK - 2048, lost.length);
        assertThat(read(vol.id(), 0, 2 * BLOCK)).as("read before the crash sees the queued write").isEqualTo(seen);
        crashAndReopen();
        byte[] now = read(vol.id(), 0, 2 * BLOCK);
        assertThat(Arrays.equals(now, base) || Arrays.equals(now, seen))
            .as("after the crash: the FUA write, and the unsynced one whole or not at all").isTrue();
    }

    @Test
    @DisplayName("issue 13 TF-2 FO-2: a snapshot or clone taken after a write was acknowledged contains it, without SYNCHRONIZE CACHE")
    void snapshotContainsAcknowledgedWrite() throws IOException {
        byte[] first = pattern(4096, 5);
        write(4096, first, false);
        Snapshot s = vols.snapshot(vol.id(), "after the write");
        byte[] second = pattern(4096, 6);
        write(4096, second, false);
        Volume clone = vols.cloneOf(vol.id(), "clone after the second write");
        assertThat(read(s.id(), 4096, 4096)).isEqualTo(first);
        assertThat(read(clone.id(), 4096, 4096)).isEqualTo(second);
        assertThat(read(vol.id(), 4096, 4096)).isEqualTo(second);
        crashAndReopen(); // the snapshot's and clone's transactions stored the queue: nothing of it is lost
        assertThat(read(s.id(), 4096, 4096)).isEqualTo(first);
        assertThat(read(clone.id(), 4096, 4096)).isEqualTo(second);
        assertThat(read(vol.id(), 4096, 4096)).isEqualTo(second);
    }

    @Test
    @DisplayName("issue 13 PF-1 FO-2: a role change stores the writes acknowledged before it; a WRITE after it is DATA PROTECT")
    void roleChangeStoresQueuedWrites() throws IOException {
        byte[] before = pattern(4096, 8);
        write(0, before, false);
        // any metadata transaction (here the access change a demote makes) stores the queue first, in it
        db.tx(c -> Db.update(c, "UPDATE volumes SET access = 'read-only', role = 'source-demoted' WHERE id = ?", vol.id()));
        ScsiResult refused = scsi.execute(me, 0, luns, write10(8, 8, false), pattern(4096, 9));
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.sense()).isEqualTo(Sense.WRITE_PROTECTED);
        crashAndReopen();
        assertThat(read(vol.id(), 0, 4096)).isEqualTo(before);
        assertThat(read(vol.id(), 4096, 4096)).isEqualTo(new byte[4096]);
    }

    @Test
    @DisplayName("issue 13: queued writes far apart on a large volume (first and last block of 1 TiB) are stored and read back")
    void farApartOnALargeVolume() throws IOException {
        Volume big = vols.create("big", 1L << 40, "block");
        luns.put(1, new LogicalUnit(1, big.id(), big.wwn(), big.size(), true));
        byte[] head = pattern(4096, 10);
        byte[] tail = pattern(4096, 11);
        assertThat(scsi.execute(me, 1, luns, write10(8, 8, false), head).status()).isZero();
        vols.queueWrite(big.id(), big.size() - 4096, tail, tail.length);
        synchronizeCache();
        crashAndReopen();
        assertThat(read(big.id(), 4096, 4096)).isEqualTo(head);
        assertThat(read(big.id(), big.size() - 4096, 4096)).isEqualTo(tail);
        assertThat(read(big.id(), big.size() / 2, 4096)).isEqualTo(new byte[4096]);
    }

    @Test
    @DisplayName("issue 13: queued iSCSI writes, API writes, syncs and snapshots interleaved read back as a byte model says, before and after storing")
    void interleavedMatchesModel() throws IOException {
        Random random = new Random(7);
        int size = (int) vol.size();
        byte[] model = new byte[size];
        List<String> snaps = new ArrayList<>();
        List<byte[]> frozen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int blocks = 1 + random.nextInt(random.nextInt(5) == 0 ? 300 : 16);
            int len = blocks * 512;
            int off = random.nextInt((size - len) / 512 + 1) * 512;
            byte[] b = random.nextInt(6) == 0 ? new byte[len] : pattern(len, i + 100);
            int op = random.nextInt(12);
            if (op == 0) {
                vols.write(vol.id(), off, new ByteArrayInputStream(b));
                System.arraycopy(b, 0, model, off, len);
            } else if (op == 1) {
                synchronizeCache();
            } else if (op == 2) {
                snaps.add(vols.snapshot(vol.id(), "s" + i).id());
                frozen.add(model.clone());
            } else {
                write(off, b, random.nextInt(10) == 0);
                System.arraycopy(b, 0, model, off, len);
            }
            int rl = 1 + random.nextInt(3 * BLOCK);
            int ro = random.nextInt(size - rl + 1);
            assertThat(read(vol.id(), ro, rl)).as("step %d read %d+%d", i, ro, rl)
                .isEqualTo(Arrays.copyOfRange(model, ro, ro + rl));
        }
        for (int s = 0; s < snaps.size(); s++) {
            assertThat(read(snaps.get(s), 0, size)).as("snapshot %d", s).isEqualTo(frozen.get(s));
        }
        vols.storePending();
        crashAndReopen();
        assertThat(read(vol.id(), 0, size)).isEqualTo(model);
    }
}
