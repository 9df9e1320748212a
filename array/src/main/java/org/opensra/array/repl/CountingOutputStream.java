package org.opensra.array.repl;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Reports every byte written through it (bytes sent over the network). */
final class CountingOutputStream extends FilterOutputStream {
    private final LongConsumer counter;

    CountingOutputStream(OutputStream out, LongConsumer counter) {
        super(out);
        this.counter = counter;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        counter.accept(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        counter.accept(len);
    }
}
