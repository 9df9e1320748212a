package org.opensra.array.repl;

/**
 * The transfer stream between arrays: int header length, header JSON, then per member a sequence
 * of (long block, int length 0|BLOCK, bytes) ended by block -1, then the END marker. A stream
 * without its END marker is never applied.
 */
final class TransferFormat {
    static final long MEMBER_END = -1L;
    static final long END = 0x4f70656e53524121L;
    static final int RECORD_HEADER = 12;

    private TransferFormat() {
    }
}
