package org.opensra.array.repl;

import org.opensra.array.store.DataLog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the blocks of a transfer plan as wire batches ({@link TransferFormat}), one batch ahead on a
 * second thread, so that the disk read of the next batch overlaps sending this one. Each block's data
 * is read straight into its place in the batch; blocks stored next to each other in the block data are
 * read with one call; zero blocks take no read and no data.
 */
final class BlockReader implements AutoCloseable {
    /** A wire batch: {@code bytes} (position 0 to its limit) is sent as it is. */
    record Batch(int count, ByteBuffer bytes) {
    }

    private static final int INDEX_END = TransferFormat.COUNT + TransferFormat.BATCH_BLOCKS * TransferFormat.ENTRY;

    private final DataLog data;
    private final Iterator<Map.Entry<Long, Long>> plan;
    private final ExecutorService reader = Futures.helperThread("transfer-read");
    private ByteBuffer spare = newBuffer();
    private Future<Batch> ahead;

    /** blocks: block number to data ref (DataLog.ZERO for a zero block), in the order to send. */
    BlockReader(DataLog data, Map<Long, Long> blocks) {
        this.data = data;
        this.plan = blocks.entrySet().iterator();
        ahead = readAhead(newBuffer());
    }

    /** Direct memory: the file read lands in it and the socket write takes from it, with no copy between. */
    private static ByteBuffer newBuffer() {
        return ByteBuffer.allocateDirect(INDEX_END + TransferFormat.BATCH_BLOCKS * DataLog.BLOCK);
    }

    /** The next batch, or null after the last; a batch stays valid until the next call. */
    Batch next() throws IOException {
        Batch ready = Futures.await(ahead, "reading blocks to send");
        if (ready.count() == 0) {
            return null;
        }
        ahead = readAhead(spare);
        spare = ready.bytes();
        return ready;
    }

    /** Takes the next entries of the plan and writes their index (on this thread), reads their data on the reader's. */
    private Future<Batch> readAhead(ByteBuffer into) {
        ByteBuffer index = into.clear().position(TransferFormat.COUNT);
        long[] toRead = new long[TransferFormat.BATCH_BLOCKS];
        int count = 0;
        int withData = 0;
        while (count < TransferFormat.BATCH_BLOCKS && plan.hasNext()) {
            Map.Entry<Long, Long> e = plan.next();
            long ref = e.getValue();
            index.putLong(e.getKey()).putInt(ref == DataLog.ZERO ? 0 : DataLog.BLOCK);
            if (ref != DataLog.ZERO) {
                toRead[withData++] = ref;
            }
            count++;
        }
        index.putInt(0, count);
        int dataStart = index.position();
        int blocks = withData;
        int batchCount = count;
        return reader.submit(() -> {
            for (int i = 0; i < blocks; ) {
                int run = 1;
                while (i + run < blocks && toRead[i + run] == toRead[i] + (long) run * DataLog.BLOCK) {
                    run++;
                }
                data.readRun(toRead[i], into.slice(dataStart + i * DataLog.BLOCK, run * DataLog.BLOCK));
                i += run;
            }
            return new Batch(batchCount, into.limit(dataStart + blocks * DataLog.BLOCK).position(0));
        });
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
