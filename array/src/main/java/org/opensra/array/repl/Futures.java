package org.opensra.array.repl;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The helper threads of a transfer (read-ahead, append-behind) and waiting for them. */
final class Futures {
    private Futures() {
    }

    /** One daemon thread with this name, started on the first task (a transfer never outlives shutdown). */
    static ExecutorService helperThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code count} daemon threads with this name, started as tasks come. */
    static ExecutorService helperThreads(String name, int count) {
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
