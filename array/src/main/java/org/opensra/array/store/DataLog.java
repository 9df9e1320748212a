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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Block data: a file of 64 KiB blocks. A block's ref is its byte offset; a referenced block is never
 * overwritten, so a ref stays valid while any layer points to it. Bytes appended after the last
 * committed metadata transaction (a crash between fsync and commit) are unreferenced and harmless.
 * <p>
 * Space is reclaimed by {@link Compactor}, which copies live blocks into unreferenced slots, switches
 * their refs in the metadata, and truncates the file. Two rules keep that safe while others run:
 * <ul>
 * <li>Every append happens inside a {@link Claim}, opened before the first append and closed after the
 * metadata commit that references the appended blocks (or after giving up on them). Blocks at or above
 * the oldest open claim's start ({@link #watermark()}) may be in use without the metadata knowing it yet,
 * so compaction neither reuses them nor truncates while a claim is open.</li>
 * <li>Whoever reads blocks by refs it resolved from the metadata holds a {@link Reading} from before the
 * resolve until after the read. Compaction reuses or cuts off a block only after every reading that
 * began while the block was still referenced has ended ({@link #awaitReadings}).</li>
 * </ul>
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
    /** Where the next append goes; changed only under this object's monitor, read without it. */
    private volatile long end;
    /** Open claims (few at a time: one per write or transfer in progress). */
    private final List<Claim> claims = new ArrayList<>();
    /** Counts closed claims: a compaction that saw the same count twice knows no claim committed between. */
    private long claimsClosed;
    /** Tickets of the readings in progress; a ticket is a number larger than every earlier one. */
    private final ConcurrentSkipListSet<Long> readings = new ConcurrentSkipListSet<>();
    private final AtomicLong tickets = new AtomicLong();

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

    /** Opens a claim: what it appends is never taken for garbage until it is closed. Close it after the commit. */
    public synchronized Claim claim() {
        Claim c = new Claim(end);
        claims.add(c);
        return c;
    }

    /** Begins a reading: blocks resolved after this call stay where they are until it is closed. */
    public Reading reading() {
        long ticket = tickets.incrementAndGet();
        readings.add(ticket);
        return new Reading(ticket);
    }

    /**
     * The appends of one writer, from before its first append until after the metadata commit that
     * references them. Closing it twice is harmless.
     */
    public final class Claim implements AutoCloseable {
        private final long from;
        private boolean open = true;

        private Claim(long from) {
            this.from = from;
        }

        /** Appends whole blocks (buffer length a multiple of BLOCK); returns the ref of the first one. */
        public long append(ByteBuffer blocks) {
            return DataLog.this.append(blocks);
        }

        /**
         * Reserves {@code bytes} (whole blocks) at the end of the log for {@link #writeAt}; returns the ref
         * of the first block. Reserved space that is never written is, like a torn append, referenced by
         * nothing.
         */
        public long reserve(long bytes) {
            return DataLog.this.reserve(bytes);
        }

        @Override
        public void close() {
            synchronized (DataLog.this) {
                if (open) {
                    open = false;
                    claims.remove(this);
                    claimsClosed++;
                }
            }
        }
    }

    /** A reading in progress (see the class comment). */
    public final class Reading implements AutoCloseable {
        private final long ticket;

        private Reading(long ticket) {
            this.ticket = ticket;
        }

        @Override
        public void close() {
            readings.remove(ticket);
        }
    }

    /**
     * Where blocks that may not be in the metadata yet begin: the start of the oldest open claim, or the
     * end of the log when none is open. Every block below it that no metadata row references is garbage
     * (only compaction gives an unreferenced block a reference again).
     */
    public synchronized long watermark() {
        long w = end;
        for (Claim c : claims) {
            w = Math.min(w, c.from);
        }
        return w;
    }

    /** How many claims have been closed so far. */
    synchronized long claimsClosed() {
        return claimsClosed;
    }

    /**
     * Waits until every reading that began before this call has ended; false when that takes longer
     * than {@code timeoutMillis} (a long transfer is reading: try again later). Readings that begin
     * meanwhile are not waited for.
     */
    public boolean awaitReadings(long timeoutMillis) throws InterruptedException {
        long before = tickets.get();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            Long oldest = readings.ceiling(Long.MIN_VALUE); // null when none (first() would throw)
            if (oldest == null || oldest > before) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
    }

    /**
     * Cuts the log back to {@code newEnd} when no claim is open and none was closed since the caller
     * counted {@code closedBefore} (so no block above newEnd was committed meanwhile), after every
     * reading that might hold a ref above it has ended. Returns whether the file was cut.
     */
    boolean truncate(long newEnd, long closedBefore, long readingsTimeoutMillis) throws InterruptedException {
        synchronized (this) {
            if (!claims.isEmpty() || claimsClosed != closedBefore || newEnd >= end || newEnd % BLOCK != 0) {
                return false;
            }
            // no claim can open while this monitor is held; readings never take it
            if (!awaitReadings(readingsTimeoutMillis)) {
                return false;
            }
            try {
                ch.truncate(newEnd);
                ch.force(true);
            } catch (IOException e) {
                throw new ArrayException(ErrorCode.INTERNAL, "cannot truncate block data: " + e.getMessage(), null, e);
            }
            end = newEnd;
            return true;
        }
    }

    /** Appends whole blocks (buffer length a multiple of BLOCK); returns the ref of the first one. */
    private synchronized long append(ByteBuffer blocks) {
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

    private synchronized long reserve(long bytes) {
        long start = end;
        end += bytes;
        return start;
    }

    /**
     * Writes whole blocks at a position from {@link Claim#reserve} (or, for compaction, into unreferenced
     * slots), straight from {@code blocks} when it is
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

    /** The size of the log in bytes (where the next append goes). */
    public long size() {
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
