package org.opensra.array.http;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that fails with PAYLOAD_TOO_LARGE as soon as more than its cap has been sent. */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long read;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    static ArrayException tooLarge(long cap) {
        return new ArrayException(ErrorCode.PAYLOAD_TOO_LARGE, "request body larger than " + cap + " bytes", null);
    }

    private void count(long n) {
        if (n > 0) {
            read += n;
            if (read > cap) {
                throw tooLarge(cap);
            }
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }
}
