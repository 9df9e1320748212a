package org.opensra.array.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.VolumeService;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Space reclamation (issue 15) in one process: a compaction pass gives every unreferenced block back
 * while the data stays byte-equal, and it neither reuses nor cuts off a block that a reading in
 * progress resolved or that a claim appended and has not committed yet.
 */
class CompactorTest {
    private static final int BLOCK = DataLog.BLOCK;
    private static final int SIZE = 64 * BLOCK;

    @TempDir
    Path dir;
    private LocalStore store;
    private Db db;
    private DataLog data;
    private VolumeService vols;
    private final Random rnd = new Random(15);

    @BeforeEach
    void open() {
        store = new LocalStore(dir);
        db = store.db;
        data = store.data;
        vols = store.vols;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private byte[] random(int len) {
        byte[] b = new byte[len];
        rnd.nextBytes(b);
        return b;
    }

    private void write(String id, long off, byte[] b) {
        store.write(id, off, b);
    }

    private byte[] read(String id) {
        return store.read(id);
    }

    private long referencedBytes() {
        return db.tx(c -> Db.queryLong(c, "SELECT COUNT(DISTINCT ref) FROM blocks WHERE ref >= 0", 0)) * BLOCK;
    }

    @Test
    @DisplayName("compaction gives back overwritten, deleted-snapshot and deleted-volume blocks; every image stays byte-equal")
    void givesBackEveryUnreferencedBlock() throws Exception {
        String v = vols.create("v", SIZE, "block").id();
        String gone = vols.create("gone", SIZE, "block").id();
        write(gone, 0, random(SIZE));
        byte[] model = random(SIZE);
        write(v, 0, model);
        Snapshot kept = vols.snapshot(v, "kept");
        byte[] keptImage = model.clone();
        for (int round = 0; round < 5; round++) {
            Snapshot s = vols.snapshot(v, "round " + round);
            int off = rnd.nextInt(SIZE / 2);
            byte[] b = random(SIZE / 2 - 100);
            write(v, off, b);
            System.arraycopy(b, 0, model, off, b.length);
            vols.deleteSnapshot(s.id());
        }
        vols.delete(gone);
        long before = data.size();
        assertThat(before).isGreaterThan(referencedBytes());

        Compactor.Pass pass = new Compactor(db, data).compact(0);

        assertThat(pass.finished()).isTrue();
        assertThat(data.size()).as("the file holds the referenced blocks and nothing else").isEqualTo(referencedBytes());
        assertThat(pass.reclaimedBytes()).isEqualTo(before - data.size());
        assertThat(read(v)).isEqualTo(model);
        assertThat(read(kept.id())).isEqualTo(keptImage);
        assertThat(new Compactor(db, data).compact(0).movedBytes()).as("a second pass has nothing to do").isZero();
    }

    @Test
    @DisplayName("a reading in progress keeps the blocks it resolved in place: compaction waits, then gives them back")
    void aReadingKeepsItsBlocks() throws Exception {
        String v = vols.create("v", SIZE, "block").id();
        byte[] old = random(SIZE);
        write(v, 0, old);
        long top = vols.get(v).top();
        long[] refs;
        try (DataLog.Reading reading = data.reading()) {
            refs = db.tx(c -> LayerStore.resolve(c, top, 0, SIZE / BLOCK - 1));
            write(v, 0, random(SIZE)); // the resolved blocks are garbage now, but still being read
            Compactor.Pass blocked = new Compactor(db, data, 300).compact(0);
            assertThat(blocked.finished()).isFalse();
            assertThat(blocked.movedBytes()).isZero();
            for (int i = 0; i < refs.length; i++) {
                ByteBuffer b = ByteBuffer.allocate(BLOCK);
                data.read(refs[i], b);
                assertThat(b.array()).as("block %d read after the pass", i)
                    .isEqualTo(Arrays.copyOfRange(old, i * BLOCK, (i + 1) * BLOCK));
            }
        }
        assertThat(new Compactor(db, data, 300).compact(0).finished()).isTrue();
        assertThat(data.size()).isEqualTo(referencedBytes());
    }

    @Test
    @DisplayName("blocks appended under an open claim are neither reused nor cut off before their commit")
    void aClaimKeepsItsAppends() throws Exception {
        String v = vols.create("v", SIZE, "block").id();
        write(v, 0, random(SIZE));
        write(v, 0, random(SIZE)); // the first write's blocks are garbage, below the claim
        byte[] pending = random(4 * BLOCK);
        long top = vols.get(v).top();
        try (DataLog.Claim claim = data.claim()) {
            long first = claim.append(DataLog.alignedBuffer(pending.length).put(pending).flip());
            data.force();
            Compactor.Pass pass = new Compactor(db, data).compact(0);
            assertThat(pass.movedBytes()).as("the live blocks above the garbage moved down").isPositive();
            assertThat(pass.finished()).as("no cut while a claim is open").isFalse();
            db.tx(c -> {
                LayerStore.put(c, top, new long[] {0, 1, 2, 3},
                    new long[] {first, first + BLOCK, first + 2L * BLOCK, first + 3L * BLOCK});
                return null;
            });
        }
        assertThat(Arrays.copyOf(read(v), pending.length)).isEqualTo(pending);
        new Compactor(db, data).compact(0);
        assertThat(Arrays.copyOf(read(v), pending.length)).isEqualTo(pending);
        assertThat(data.size()).isEqualTo(referencedBytes());
    }

    @Test
    @DisplayName("reads, writes, snapshots and deletes during compaction passes all see exactly their data")
    void concurrentIoDuringCompaction() throws Exception {
        List<String> frozen = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        String v = vols.create("busy", SIZE, "block").id();
        byte[] model = random(SIZE);
        write(v, 0, model);
        for (int i = 0; i < 3; i++) {
            frozen.add(vols.snapshot(v, "s" + i).id());
            images.add(model.clone());
            byte[] b = random(SIZE);
            write(v, 0, b);
            model = b;
        }
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        byte[][] volumeModel = {model};
        CountDownLatch started = new CountDownLatch(3);
        List<Future<?>> jobs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            jobs.add(pool.submit(() -> {
                started.countDown();
                Random mine = new Random(Thread.currentThread().getId());
                while (!stop.get()) {
                    int k = mine.nextInt(frozen.size());
                    if (!Arrays.equals(read(frozen.get(k)), images.get(k))) {
                        failures.add("snapshot " + frozen.get(k) + " read back different during compaction");
                    }
                }
                return null;
            }));
        }
        jobs.add(pool.submit(() -> {
            started.countDown();
            Random mine = new Random(7);
            while (!stop.get()) {
                int off = mine.nextInt(SIZE - 3 * BLOCK);
                byte[] b = new byte[1 + mine.nextInt(3 * BLOCK)];
                mine.nextBytes(b);
                write(v, off, b);
                System.arraycopy(b, 0, volumeModel[0], off, b.length);
                String s = vols.snapshot(v, "churn").id();
                vols.deleteSnapshot(s);
            }
            return null;
        }));
        started.await();
        Compactor compactor = new Compactor(db, data);
        int passes = 0;
        long moved = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (System.nanoTime() < deadline || passes < 5) {
            moved += compactor.compact(0).movedBytes();
            passes++;
        }
        stop.set(true);
        for (Future<?> f : jobs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(moved).as("the passes had blocks to move").isPositive();
        assertThat(read(v)).isEqualTo(volumeModel[0]);
        for (int k = 0; k < frozen.size(); k++) {
            assertThat(read(frozen.get(k))).isEqualTo(images.get(k));
        }
        compactor.compact(0);
        assertThat(data.size()).isEqualTo(referencedBytes());
    }
}
