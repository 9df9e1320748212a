package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.core.Clock;
import org.opensra.array.store.Db;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sync jobs: at most one running per pair/group; a sync asked for while one runs returns that job
 * and makes it transfer once more afterwards, so its completion covers every write acknowledged
 * before the request. Jobs are recorded in the metadata store; a job interrupted by a daemon stop
 * restarts under the same id at the next start.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    private static final long RETRY_WINDOW_MS = 20_000;

    public record Started(Job job, boolean alreadyRunning) {
    }

    private final Db db;
    private final org.opensra.array.store.Ids ids;
    private final UnitTransfers sender;
    private final Runnable transferEnded;
    private final ExecutorService pool = Futures.helperThreads("sync-job", 2);
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SyncEngine(Db db, org.opensra.array.store.Ids ids, UnitTransfers sender) {
        this(db, ids, sender, () -> {
        });
    }

    /** With a hook run after each transfer of a job, before it decides whether to transfer again (tests). */
    SyncEngine(Db db, org.opensra.array.store.Ids ids, UnitTransfers sender, Runnable transferEnded) {
        this.db = db;
        this.ids = ids;
        this.sender = sender;
        this.transferEnded = transferEnded;
    }

    public synchronized Started start(String unit) {
        Job current = running.get(unit);
        if (current != null) {
            current.requestAgain();
            return new Started(current, true);
        }
        String id = db.tx(c -> ids.next(c, "job"));
        Job job = new Job(id, unit, Clock.now());
        launch(job);
        return new Started(job, false);
    }

    private void launch(Job job) {
        running.put(job.object(), job);
        jobs.put(job.id(), job);
        persist(job);
        pool.submit(() -> run(job));
    }

    public Job runningFor(String unit) {
        return running.get(unit);
    }

    /** Restarts the jobs a previous run of the daemon left running. */
    public void resumeInterrupted() {
        List<String[]> rows = db.tx(c -> Db.query(c, "SELECT id, object, started FROM jobs WHERE state = 'running'",
            rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        for (String[] r : rows) {
            synchronized (this) {
                if (!running.containsKey(r[1])) {
                    launch(new Job(r[0], r[1], r[2]));
                }
            }
        }
    }

    private void run(Job job) {
        try {
            while (true) {
                transferWithRetries(job);
                transferEnded.run();
                // decided under the lock that start() takes: a request either is seen here (one more
                // transfer) or finds the job gone and starts a new one; never attached to a finished job
                synchronized (this) {
                    if (closed) {
                        return; // left "running" in the store: resumed (transferred again) at the next start
                    }
                    if (!job.takeAgain()) {
                        job.complete();
                        running.remove(job.object(), job);
                        break;
                    }
                }
            }
        } catch (ArrayException e) {
            if (closed) {
                return; // left "running" in the store: resumed at the next start
            }
            end(job, e);
            try {
                sender.markBroken(job.object(), e);
            } catch (RuntimeException ignored) {
                // the job's own failure is what matters
            }
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            end(job, new ArrayException(ErrorCode.INTERNAL, "sync failed: " + e, job.object(), e));
            LOG.log(Level.WARNING, "sync job " + job.id() + " failed", e);
        } finally {
            synchronized (this) {
                running.remove(job.object(), job);
            }
            if (!closed) {
                persist(job);
            }
        }
    }

    /** Fails the job and frees its unit at once, so that a later request starts a new job. */
    private synchronized void end(Job job, ArrayException e) {
        job.fail(e);
        running.remove(job.object(), job);
    }

    private void transferWithRetries(Job job) {
        long deadline = System.currentTimeMillis() + RETRY_WINDOW_MS;
        while (true) {
            try {
                sender.transfer(job, job.object());
                return;
            } catch (ArrayException e) {
                boolean retryable = e.code() == ErrorCode.PEER_UNREACHABLE || e.code() == ErrorCode.CONFLICT
                    || e.code() == ErrorCode.INTERNAL;
                if (!retryable || closed || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                LOG.info("sync job " + job.id() + ": transfer failed (" + e.getMessage() + "), retrying");
                sleep(300);
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArrayException(ErrorCode.INTERNAL, "interrupted", null);
        }
    }

    private void persist(Job j) {
        try {
            db.tx(c -> Db.update(c, "INSERT OR REPLACE INTO jobs(id, object, state, percent, bytes_sent, bytes_total,"
                    + " started, finished, error_code, error_message, error_object) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                j.id(), j.object(), j.state(), j.percent(), j.bytesSent(), j.bytesTotal(), j.started(), j.finished(),
                j.error() == null ? null : j.error().code().name(), j.error() == null ? null : j.error().getMessage(),
                j.error() == null ? null : j.error().object()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record job " + j.id(), e);
        }
    }

    /** A job's status, from memory or from the store (jobs of earlier runs). */
    public Map<String, Object> status(String jobId) {
        Job j = jobs.get(jobId);
        if (j != null) {
            return j.view();
        }
        Map<String, Object> row = db.tx(c -> Db.queryOne(c, "SELECT id, object, state, percent, bytes_sent, bytes_total,"
            + " started, finished, error_code, error_message, error_object FROM jobs WHERE id = ?", rs -> {
                String code = rs.getString(9);
                return org.opensra.array.Json.obj("id", rs.getString(1), "object", rs.getString(2), "state", rs.getString(3),
                    "percent", rs.getInt(4), "remainingSeconds", 0, "bytesSent", rs.getLong(5), "bytesTotal", rs.getLong(6),
                    "started", rs.getString(7), "finished", rs.getString(8),
                    "error", code == null ? null : org.opensra.array.Json.obj("code", code, "message", rs.getString(10),
                        "object", rs.getString(11)));
            }, jobId));
        if (row == null) {
            throw ArrayException.notFound("job", jobId);
        }
        return row;
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
