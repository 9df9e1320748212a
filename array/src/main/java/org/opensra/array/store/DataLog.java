package org.opensra.array.store;

import com.sun.nio.file.ExtendedOpenOption;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Block data: an append-only file of 64 KiB blocks. A block's ref is its byte offset; data is never
 * overwritten, so a ref stays valid while any layer points to it. Bytes appended after the last
 * committed metadata transaction (a crash between fsync and commit) are unreferenced and harmless.
 * Appends go through a second, O_DIRECT descriptor where the file system allows it: block data is
 * written once, straight to the device, instead of being copied into fresh page-cache pages and
 * written back later (reads stay cached; the kernel keeps the two coherent).
 */
public final class DataLog implements AutoCloseable {
    public static final int BLOCK = 64 * 1024;
    /** The ref of an all-zero block: no data is stored for it. */
    public static final long ZERO = -1;

    private static final ByteBuffer ZERO_BLOCK = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();
    private static final int STAGING = 64 * BLOCK;

    private final FileChannel ch;
    /** Where appends go: an O_DIRECT channel on the same file, or ch where direct I/O is refused. */
    private final FileChannel appender;
    /**
     * Memory-aligned buffer the O_DIRECT appends are copied through (our own: JDK 17's fails to free
     * its); null when appends are buffered.
     */
    private final ByteBuffer staging;
    private long end;

    public DataLog(Path file) {
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // a torn append (a crash mid-write) leaves a partial block no metadata refers to: skip it
            end = (ch.size() + BLOCK - 1) / BLOCK * BLOCK;
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot open block data file " + file + ": " + e.getMessage(), null, e);
        }
        appender = openDirect(file, ch);
        staging = appender == ch ? null : alignedBuffer(STAGING);
    }

    /** Direct memory of {@code bytes} bytes aligned to BLOCK: appended from without a copy. */
    public static ByteBuffer alignedBuffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes + BLOCK).alignedSlice(BLOCK).limit(bytes).slice();
    }

    private static FileChannel openDirect(Path file, FileChannel fallback) {
        try {
            if (BLOCK % Files.getFileStore(file).getBlockSize() != 0) {
                return fallback;
            }
            return FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return fallback; // e.g. tmpfs: buffered appends, the same durability through force()
        }
    }

    /** Appends whole blocks (buffer length a multiple of BLOCK); returns the ref of the first one. */
    public synchronized long append(ByteBuffer blocks) {
        long start = end;
        try {
            long pos = start;
            while (blocks.hasRemaining()) {
                if (staging == null) {
                    pos += ch.write(blocks, pos);
                    continue;
                }
                ByteBuffer piece = blocks.slice();
                piece.limit(Math.min(piece.remaining(), STAGING));
                blocks.position(blocks.position() + piece.remaining());
                staging.clear();
                staging.put(piece).flip();
                while (staging.hasRemaining()) {
                    pos += appender.write(staging, pos);
                }
            }
            end = pos;
            return start;
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot write block data: " + e.getMessage(), null, e);
        }
    }

    /**
     * Reserves {@code bytes} (whole blocks) at the end of the log for {@link #writeAt}; returns the ref of
     * the first block. Reserved space that is never written is, like a torn append, referenced by nothing.
     */
    public synchronized long reserve(long bytes) {
        long start = end;
        end += bytes;
        return start;
    }

    /**
     * Writes whole blocks at a position from {@link #reserve}, straight from {@code blocks} when it is
     * direct memory aligned to BLOCK (with O_DIRECT where the file system allows it); several writers
     * may write their reservations at the same time.
     */
    public void writeAt(long pos, ByteBuffer blocks) {
        if (staging != null && !(blocks.isDirect() && blocks.alignmentOffset(blocks.position(), BLOCK) == 0)) {
            throw new IllegalArgumentException("writeAt needs direct memory aligned to " + BLOCK + " bytes");
        }
        try {
            long at = pos;
            while (blocks.hasRemaining()) {
                at += appender.write(blocks, at);
            }
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
        int want = Math.min(BLOCK, dst.remaining());
        ByteBuffer slice = dst.slice();
        slice.limit(want);
        readRun(ref, slice);
        dst.position(dst.position() + want);
    }

    /** Reads dst.remaining() bytes of consecutive blocks starting at ref (not ZERO) in one call. */
    public void readRun(long ref, ByteBuffer dst) {
        try {
            long pos = ref;
            while (dst.hasRemaining()) {
                int n = ch.read(dst, pos);
                if (n < 0) {
                    throw new IOException("block data file truncated at " + pos);
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new ArrayException(ErrorCode.INTERNAL, "cannot read block data: " + e.getMessage(), null, e);
        }
    }

    public synchronized long size() {
        return end;
    }

    /** Whether the remaining bytes of b (heap or direct memory) are all zero; b's position is kept. */
    public static boolean isZero(ByteBuffer b) {
        for (int at = b.position(); at < b.limit(); at += BLOCK) {
            int n = Math.min(BLOCK, b.limit() - at);
            if (b.slice(at, n).mismatch(ZERO_BLOCK.slice(0, n)) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean isZero(byte[] b, int off, int len) {
        return isZero(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() {
        try {
            if (appender != ch) {
                appender.close();
            }
            ch.close();
        } catch (IOException ignored) {
            // shutdown
        }
    }
}
