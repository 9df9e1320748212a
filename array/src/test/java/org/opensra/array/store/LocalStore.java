package org.opensra.array.store;

import org.opensra.array.core.VolumeService;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A metadata store, its block data and a volume service in a folder, in this JVM: for tests of the store. */
public final class LocalStore implements AutoCloseable {
    public final Db db;
    public final DataLog data;
    public final VolumeService vols;

    public LocalStore(Path dir) {
        db = new Db(dir.resolve("meta.db"));
        data = new DataLog(dir.resolve("blocks.dat"));
        vols = new VolumeService(db, data, new Ids("unit"));
    }

    /** Writes bytes at offset of a volume (durable when it returns). */
    public void write(String id, long offset, byte[] bytes) {
        try {
            vols.write(id, offset, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes [offset, offset+length) of a volume, snapshot or clone. */
    public byte[] read(String id, long offset, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            vols.read(id, offset, length, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The whole of a volume, snapshot or clone. */
    public byte[] read(String id) {
        return read(id, 0, vols.sizeOf(id));
    }

    @Override
    public void close() {
        data.close();
        db.close();
    }
}
