package org.opensra.array.repl;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** The array's background threads (daemon threads, named for their work) and waiting for their tasks. */
final class Futures {
    private Futures() {
    }

    /** Makes daemon threads with this name (background work never keeps the daemon from exiting). */
    static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One daemon thread with this name, started on the first task (a transfer never outlives shutdown). */
    static ExecutorService helperThread(String name) {
        return Executors.newSingleThreadExecutor(daemonThreads(name));
    }

    /** {@code count} daemon threads with this name, started as tasks come. */
    static ExecutorService helperThreads(String name, int count) {
        return Executors.newFixedThreadPool(count, daemonThreads(name));
    }

    /** The task's result; its runtime failure is rethrown as is, any other as an IOException saying what failed. */
    static <T> T await(Future<T> task, String what) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("failed while " + what, e.getCause());
        }
    }
}
