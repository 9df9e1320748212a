package org.opensra.array.daemon;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock on a data folder ({@code DIR/daemon.lock}), held for the daemon's life: a
 * second daemon on the same folder is refused before it touches anything. The operating system
 * drops the lock when the process ends, however it ends (SIGKILL included), so a stale lock file
 * never blocks a restart.
 */
final class DataFolderLock implements AutoCloseable {
    static final String FILE = "daemon.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails at once naming the folder when another daemon holds it. */
    static DataFolderLock take(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another daemon in this same JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new ArrayException(ErrorCode.CONFLICT, "data folder " + dir + " is in use by another array daemon"
                + " (lock " + file + " is held)", null);
        }
        return new DataFolderLock(ch, l);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do: the process end releases the lock in any case
        }
    }
}
