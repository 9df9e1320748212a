package org.opensra.array.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.LocalStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads resolve each window in one statement over the layer chain and read only the bytes asked for:
 * whatever the alignment, the chain depth, the zero blocks and the runs of blocks stored one after the
 * other, a volume and each of its snapshots read back exactly the image a byte-array model holds.
 */
class VolumeReadTest {
    private static final int BLOCK = DataLog.BLOCK;
    private static final int SIZE = 24 * BLOCK;

    @TempDir
    Path dir;
    private LocalStore store;
    private VolumeService vols;

    @BeforeEach
    void open() {
        store = new LocalStore(dir);
        vols = store.vols;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("issue 13 FO-2 TF-2: unaligned reads of a volume and of each snapshot of a deep chain return the model's bytes")
    void readsMatchTheModel() throws IOException {
        Random random = new Random(42);
        Volume v = vols.create("read", SIZE, "block");
        byte[] model = new byte[SIZE];
        List<String> snaps = new ArrayList<>();
        List<byte[]> frozen = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            for (int w = 0; w < 6; w++) {
                int len = 1 + random.nextInt(3 * BLOCK);
                int off = random.nextInt(SIZE - len);
                byte[] bytes = new byte[len];
                if (random.nextInt(4) != 0) {
                    random.nextBytes(bytes); // else zeros: blocks that become all-zero are stored as ZERO refs
                }
                vols.write(v.id(), off, new ByteArrayInputStream(bytes));
                System.arraycopy(bytes, 0, model, off, len);
            }
            snaps.add(vols.snapshot(v.id(), "s" + round).id());
            frozen.add(model.clone());
        }
        for (int i = 0; i < 300; i++) {
            int len = random.nextInt(4) == 0 ? random.nextInt(SIZE + 1) : random.nextInt(2 * BLOCK + 1);
            int off = random.nextInt(SIZE - len + 1);
            assertThat(read(v.id(), off, len)).as("volume %d+%d", off, len).isEqualTo(Arrays.copyOfRange(model, off, off + len));
            int s = random.nextInt(snaps.size());
            assertThat(read(snaps.get(s), off, len)).as("snapshot %d at %d+%d", s, off, len)
                .isEqualTo(Arrays.copyOfRange(frozen.get(s), off, off + len));
        }
        assertThat(read(v.id(), 0, SIZE)).isEqualTo(model);
    }

    @Test
    @DisplayName("issue 13: a read of a volume never written is zeros; a range past the end is refused")
    void zerosAndRange() throws IOException {
        Volume v = vols.create("empty", SIZE, "block");
        assertThat(read(v.id(), 100, 3 * BLOCK)).isEqualTo(new byte[3 * BLOCK]);
        assertThat(read(v.id(), SIZE, 0)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(v.id(), SIZE - 10, 11))
            .hasMessageContaining("outside");
    }

    private byte[] read(String id, long off, long len) {
        return store.read(id, off, len);
    }
}
