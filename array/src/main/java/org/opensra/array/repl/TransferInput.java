package org.opensra.array.repl;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Exact reads from a transfer connection: every read takes just the bytes asked for, so that block
 * data arrives straight in the buffer it is written to disk from (no read-ahead buffer to copy out of).
 */
final class TransferInput {
    private final ReadableByteChannel ch;
    private final ByteBuffer small = ByteBuffer.allocate(Long.BYTES);
    private long received;

    TransferInput(ReadableByteChannel ch) {
        this.ch = ch;
    }

    /** Fills dst from its position to its limit. */
    void readFully(ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int n = ch.read(dst);
            if (n < 0) {
                throw new EOFException("the transfer stream ended early (after " + received + " bytes)");
            }
            received += n;
        }
    }

    int readInt() throws IOException {
        small.clear().limit(Integer.BYTES);
        readFully(small);
        return small.getInt(0);
    }

    long readLong() throws IOException {
        small.clear();
        readFully(small);
        return small.getLong(0);
    }

    /** Reads and drops everything up to the end of the stream. */
    void drain() throws IOException {
        ByteBuffer discard = ByteBuffer.allocateDirect(1 << 16);
        while (true) {
            discard.clear();
            if (ch.read(discard) < 0) {
                return;
            }
        }
    }
}
