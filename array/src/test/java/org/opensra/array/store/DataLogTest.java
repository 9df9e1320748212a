package org.opensra.array.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLogTest {

    private static ByteBuffer blocks(int n, long seed) {
        byte[] b = new byte[n * DataLog.BLOCK];
        new Random(seed).nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    private static byte[] read(DataLog log, long ref) {
        ByteBuffer dst = ByteBuffer.allocate(DataLog.BLOCK);
        log.read(ref, dst);
        return dst.array();
    }

    @Test
    void appendedBlocksReadBackAcrossReopen(@TempDir Path dir) {
        Path file = dir.resolve("blocks.dat");
        // more than one staging buffer's worth, so an append is written in several pieces
        ByteBuffer data = blocks(150, 1);
        long first;
        try (DataLog log = new DataLog(file)) {
            first = log.claim().append(data.duplicate());
            log.force();
            for (int i = 0; i < 150; i++) {
                assertThat(read(log, first + (long) i * DataLog.BLOCK))
                    .isEqualTo(Arrays.copyOfRange(data.array(), i * DataLog.BLOCK, (i + 1) * DataLog.BLOCK));
            }
        }
        try (DataLog log = new DataLog(file)) {
            assertThat(log.size()).isEqualTo(150L * DataLog.BLOCK);
            assertThat(read(log, first + 149L * DataLog.BLOCK))
                .isEqualTo(Arrays.copyOfRange(data.array(), 149 * DataLog.BLOCK, 150 * DataLog.BLOCK));
        }
    }

    @Test
    void aTornAppendIsSkippedAndLaterAppendsStayBlockAligned(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blocks.dat");
        ByteBuffer one = blocks(1, 2);
        try (DataLog log = new DataLog(file)) {
            assertThat(log.claim().append(one.duplicate())).isZero();
            log.force();
        }
        // a crash in the middle of the next append: part of a block reached the file
        Files.write(file, new byte[1000], StandardOpenOption.APPEND);
        try (DataLog log = new DataLog(file)) {
            ByteBuffer two = blocks(2, 3);
            long ref = log.claim().append(two.duplicate());
            log.force();
            assertThat(ref).isEqualTo(2L * DataLog.BLOCK);
            assertThat(read(log, 0)).isEqualTo(one.array());
            assertThat(read(log, ref + DataLog.BLOCK))
                .isEqualTo(Arrays.copyOfRange(two.array(), DataLog.BLOCK, 2 * DataLog.BLOCK));
        }
    }

    @Test
    void zeroCheckSeesASingleNonZeroByteAnywhere() {
        byte[] b = new byte[3 * DataLog.BLOCK];
        assertThat(DataLog.isZero(b, DataLog.BLOCK, DataLog.BLOCK)).isTrue();
        b[2 * DataLog.BLOCK - 1] = 1;
        assertThat(DataLog.isZero(b, DataLog.BLOCK, DataLog.BLOCK)).isFalse();
        assertThat(DataLog.isZero(b, 0, DataLog.BLOCK)).isTrue();
        assertThat(DataLog.isZero(b, 2 * DataLog.BLOCK, DataLog.BLOCK)).isTrue();
    }

    @Test
    void reservationsWrittenOutOfOrderFromAlignedMemoryReadBack(@TempDir Path dir) {
        try (DataLog log = new DataLog(dir.resolve("blocks.dat"))) {
            long before = log.claim().append(blocks(1, 4));
            long a = log.claim().reserve(3L * DataLog.BLOCK);
            long b = log.claim().reserve(2L * DataLog.BLOCK);
            long after = log.claim().append(blocks(1, 5));
            assertThat(a).isEqualTo(before + DataLog.BLOCK);
            assertThat(b).isEqualTo(a + 3L * DataLog.BLOCK);
            assertThat(after).as("appends go after reservations").isEqualTo(b + 2L * DataLog.BLOCK);
            ByteBuffer da = blocks(3, 6);
            ByteBuffer db = blocks(2, 7);
            log.writeAt(b, DataLog.alignedBuffer(2 * DataLog.BLOCK).put(db.duplicate()).flip());
            log.writeAt(a, DataLog.alignedBuffer(3 * DataLog.BLOCK).put(da.duplicate()).flip());
            log.force();
            assertThat(read(log, a + 2L * DataLog.BLOCK))
                .isEqualTo(Arrays.copyOfRange(da.array(), 2 * DataLog.BLOCK, 3 * DataLog.BLOCK));
            assertThat(read(log, b)).isEqualTo(Arrays.copyOf(db.array(), DataLog.BLOCK));
            assertThat(read(log, after)).isEqualTo(blocks(1, 5).array());
        }
    }

    @Test
    void zeroCheckOfDirectMemory() {
        ByteBuffer b = DataLog.alignedBuffer(2 * DataLog.BLOCK);
        assertThat(DataLog.isZero(b.slice(0, DataLog.BLOCK))).isTrue();
        b.put(2 * DataLog.BLOCK - 1, (byte) 1);
        assertThat(DataLog.isZero(b.slice(DataLog.BLOCK, DataLog.BLOCK))).isFalse();
        assertThat(DataLog.isZero(b.slice(0, DataLog.BLOCK))).isTrue();
    }
}
