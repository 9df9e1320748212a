package org.opensra.array.repl;

import org.opensra.array.store.DataLog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the blocks of a transfer plan in batches, one batch ahead on a second thread, so that the
 * disk read of the next batch overlaps sending this one. Blocks stored next to each other in the
 * block data are read with one call; zero blocks are passed on without a read.
 */
final class BlockReader implements AutoCloseable {
    static final int BATCH_BLOCKS = 64;

    /** Up to BATCH_BLOCKS blocks: numbers, refs, and the data of block i at i * BLOCK. */
    record Batch(int count, long[] blks, long[] refs, byte[] data) {
    }

    private final DataLog data;
    private final Iterator<Map.Entry<Long, Long>> plan;
    private final ExecutorService reader = Futures.helperThread("transfer-read");
    private Batch spare = newBatch();
    private Future<Batch> ahead;

    /** blocks: block number to data ref (DataLog.ZERO for a zero block), in the order to send. */
    BlockReader(DataLog data, Map<Long, Long> blocks) {
        this.data = data;
        this.plan = blocks.entrySet().iterator();
        ahead = readAhead(newBatch());
    }

    private static Batch newBatch() {
        return new Batch(0, new long[BATCH_BLOCKS], new long[BATCH_BLOCKS], new byte[BATCH_BLOCKS * DataLog.BLOCK]);
    }

    /** The next batch, or null after the last; a batch stays valid until the next call. */
    Batch next() throws IOException {
        Batch ready = Futures.await(ahead, "reading blocks to send");
        if (ready.count() == 0) {
            return null;
        }
        ahead = readAhead(spare);
        spare = ready;
        return ready;
    }

    /** Takes the next entries of the plan (on this thread) and reads their data on the reader's. */
    private Future<Batch> readAhead(Batch into) {
        int n = 0;
        while (n < BATCH_BLOCKS && plan.hasNext()) {
            Map.Entry<Long, Long> e = plan.next();
            into.blks()[n] = e.getKey();
            into.refs()[n] = e.getValue();
            n++;
        }
        int count = n;
        return reader.submit(() -> {
            long[] refs = into.refs();
            for (int i = 0; i < count; ) {
                if (refs[i] == DataLog.ZERO) {
                    i++;
                    continue;
                }
                int run = 1;
                while (i + run < count && refs[i + run] == refs[i] + (long) run * DataLog.BLOCK) {
                    run++;
                }
                data.readRun(refs[i], ByteBuffer.wrap(into.data(), i * DataLog.BLOCK, run * DataLog.BLOCK));
                i += run;
            }
            return new Batch(count, into.blks(), refs, into.data());
        });
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
