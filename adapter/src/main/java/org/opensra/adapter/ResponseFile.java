package org.opensra.adapter;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.opensra.adapter.log.ProcessId;

/**
 * Writes the OutputFile so that it is never half-written (INV-3): the bytes go to a temporary file in
 * the same folder, are forced to disk, and the temporary file is renamed over the OutputFile (atomic
 * replace). Where the file system cannot rename atomically, a plain replacing rename is used; where a
 * rename over the target is refused (e.g. Windows when another process holds it open), the target is
 * deleted and the rename retried. A kill at any instant leaves either no OutputFile (or the previous
 * one) or the complete new one, plus at most a stray temporary file; the temporary file is removed
 * when writing fails.
 */
final class ResponseFile {
    /** Writes the temporary file; a seam for tests that fail part-way. */
    interface TempWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    static final TempWriter FORCED = new TempWriter() {
        @Override
        public void write(Path temp, byte[] bytes) throws IOException {
            // a plain stream and FileDescriptor.sync (fsync): a FileChannel would load NIO's channel classes
            // and libnet (with its IPv6 probe) on every command's path for this one call
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                out.getFD().sync();
            }
        }
    };

    private ResponseFile() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, FORCED);
    }

    static void write(Path target, byte[] bytes, TempWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new IOException("no folder for " + target);
        }
        // named by this process (a killed run's leftover of a reused pid is replaced) and created plainly, so
        // that its permissions follow the umask like any file the SRA writes for SRM to read (createTempFile
        // would make it owner-only, and set up a SecureRandom on every command's path)
        Path temp = folder.resolve("." + absolute.getFileName() + "." + ProcessId.current() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        boolean moved = false;
        try {
            writer.write(temp, bytes);
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // fall through to a plain replacing rename
        } catch (IOException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            // e.g. Windows: the target is open elsewhere; replace it below
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            Files.move(temp, target);
        }
    }
}
