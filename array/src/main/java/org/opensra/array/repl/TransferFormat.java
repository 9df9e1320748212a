package org.opensra.array.repl;

import org.opensra.array.store.DataLog;

/**
 * The transfer stream between arrays, sent over the target's {@link TransferPort}: int header length,
 * header JSON, then (once the target asks for the blocks) per member a sequence of batches ended by a
 * batch of count 0, then the END marker. A batch is
 * {@code int count} (1..{@value #BATCH_BLOCKS}), then {@code count} index entries {@code (long block,
 * int length 0|BLOCK)}, then the data of the entries of length BLOCK, one after another in index order:
 * a batch is read from disk straight into its place on the wire and received straight into the block
 * data chunk it is appended from. A stream without its END marker is never applied.
 */
final class TransferFormat {
    static final long END = 0x4f70656e53524121L;
    static final int BATCH_BLOCKS = 64;
    static final int ENTRY = 12;
    static final int COUNT = 4;

    private TransferFormat() {
    }

    /** Bytes on the wire for a member of {@code blocks} blocks of which {@code withData} carry data. */
    static long memberBytes(long blocks, long withData) {
        long batches = (blocks + BATCH_BLOCKS - 1) / BATCH_BLOCKS;
        return batches * COUNT + blocks * ENTRY + withData * DataLog.BLOCK + COUNT;
    }
}
