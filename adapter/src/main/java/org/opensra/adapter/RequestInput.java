package org.opensra.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads the request from stdin up to a size cap (TOL-3): a larger request is refused, not buffered. */
final class RequestInput {
    /** The request on stdin is larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("the request on stdin is larger than " + max + " bytes (request.maxBytes)");
        }
    }

    private RequestInput() {
    }

    static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
