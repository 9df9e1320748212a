package org.opensra.array.store;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Block data: an append-only file of 64 KiB blocks. A block's ref is its byte offset; data is never
 * overwritten, so a ref stays valid while any layer points to it. Bytes appended after the last
 * committed metadata transaction (a crash between fsync and commit) are unreferenced and harmless.
 */
public final class DataLog implements AutoCloseable {
    public static final int BLOCK = 64 * 1024;
    /** The ref of an all-zero block: no data is stored for it. */
    public static final long ZERO = -1;

    private final FileChannel ch;
    private long end;

    public DataLog(Path file) {
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            end = ch.size();
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot open block data file " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** Appends whole blocks (buffer length a multiple of BLOCK); returns the ref of the first one. */
    public synchronized long append(ByteBuffer blocks) {
        long start = end;
        try {
            long pos = start;
            while (blocks.hasRemaining()) {
                pos += ch.write(blocks, pos);
            }
            end = pos;
            return start;
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot write block data: " + e.getMessage(), null, e);
        }
    }

    /** Makes everything appended so far durable. */
    public void force() {
        try {
            ch.force(false);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot sync block data: " + e.getMessage(), null, e);
        }
    }

    /** Reads the block at ref into dst (BLOCK bytes from its position); ZERO fills zeros. */
    public void read(long ref, ByteBuffer dst) {
        if (ref == ZERO) {
            int n = Math.min(BLOCK, dst.remaining());
            for (int i = 0; i < n; i++) {
                dst.put((byte) 0);
            }
            return;
        }
        try {
            int want = Math.min(BLOCK, dst.remaining());
            ByteBuffer slice = dst.slice();
            slice.limit(want);
            long pos = ref;
            while (slice.hasRemaining()) {
                int n = ch.read(slice, pos);
                if (n < 0) {
                    throw new IOException("block data file truncated at " + pos);
                }
                pos += n;
            }
            dst.position(dst.position() + want);
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot read block data: " + e.getMessage(), null, e);
        }
    }

    public synchronized long size() {
        return end;
    }

    public static boolean isZero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            ch.close();
        } catch (IOException ignored) {
            // shutdown
        }
    }
}
