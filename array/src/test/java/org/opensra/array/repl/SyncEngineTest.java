package org.opensra.array.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.ArrayException;
import org.opensra.array.store.Db;
import org.opensra.array.store.Ids;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync asked for while a job of the same unit is running is answered with that job; the job must
 * then make a transfer that includes every write acknowledged before the request (SYNC-2, SYNC-6).
 * Writes are a counter here; a transfer "includes" the writes counted when it starts (its frozen point).
 */
class SyncEngineTest {
    private static final String UNIT = "array-t.pair.1";

    @TempDir
    Path tmp;
    private Db db;
    private SyncEngine engine;
    private final AtomicLong writes = new AtomicLong();
    /** per job id: the highest write count a transfer of that job included */
    private final Map<String, Long> covered = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private UnitTransfers countingTransfers() {
        return new UnitTransfers() {
            @Override
            public void transfer(Job job, String unit) {
                long point = writes.get();
                covered.merge(job.id(), point, Math::max);
            }

            @Override
            public void markBroken(String unit, ArrayException e) {
                throw new AssertionError("no transfer fails here: " + e);
            }
        };
    }

    private SyncEngine engine(Runnable transferEnded) {
        db = new Db(tmp.resolve("meta.db"));
        engine = new SyncEngine(db, new Ids("array-t"), countingTransfers(), transferEnded);
        return engine;
    }

    private static void awaitEnd(Job job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while ("running".equals(job.state())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + job.id() + " still running");
            }
            Thread.sleep(5);
        }
    }

    @Test
    @DisplayName("SYNC-2 SYNC-6: a sync asked for just as the running transfer ends gets a transfer including its writes")
    void requestAtTheEndOfATransferIsNotLost() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        List<SyncEngine.Started> late = new ArrayList<>();
        List<Long> lateWrite = new ArrayList<>();
        engine(() -> {
            // runs in the job's thread after its first transfer returned: a write is acknowledged
            // and a sync is asked for before the job has decided to finish
            if (first.getAndSet(false)) {
                lateWrite.add(writes.incrementAndGet());
                late.add(engine.start(UNIT));
            }
        });
        writes.incrementAndGet();
        SyncEngine.Started s = engine.start(UNIT);
        assertThat(s.alreadyRunning()).isFalse();
        awaitEnd(s.job());
        assertThat(late).hasSize(1);
        Job answer = late.get(0).job();
        awaitEnd(answer);
        assertThat(answer.state()).isEqualTo("complete");
        assertThat(covered.get(answer.id())).as("the job answering the late request included its write")
            .isGreaterThanOrEqualTo(lateWrite.get(0));
    }

    @Test
    @DisplayName("SYNC-2 SYNC-6 property: concurrent writes and syncs; every answered job includes the writes made before its request")
    void concurrentRequestsAreAllCovered() throws Exception {
        engine(() -> {
        });
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        long w = writes.incrementAndGet();
                        SyncEngine.Started s = engine.start(UNIT);
                        awaitEnd(s.job());
                        assertThat(s.job().state()).isEqualTo("complete");
                        assertThat(covered.get(s.job().id())).as("job " + s.job().id() + " includes write " + w)
                            .isGreaterThanOrEqualTo(w);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(300_000);
        }
        assertThat(failures).isEmpty();
    }
}
