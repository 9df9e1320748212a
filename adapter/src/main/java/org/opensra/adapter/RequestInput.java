package org.opensra.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the request from stdin up to a size cap (TOL-3): a larger request is refused, not buffered
 * whole. Reading may go on in steps with growing caps (a small first cap needs no configuration).
 */
final class RequestInput {
    private final InputStream in;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream(16384);
    private final byte[] buffer = new byte[65536];
    private boolean ended;

    RequestInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads on until the end of the input (true) or until more than {@code cap} bytes were read in all
     * (false; what was read is kept and a later call with a larger cap goes on).
     */
    boolean readUpTo(long cap) throws IOException {
        while (!ended) {
            if (read.size() > cap) {
                return false;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                ended = true;
            } else {
                read.write(buffer, 0, n);
            }
        }
        return read.size() <= cap;
    }

    byte[] bytes() {
        return read.toByteArray();
    }
}
