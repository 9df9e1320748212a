package org.opensra.protocol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The text of request bytes that the XML reader refused, for the masking scan of {@link RequestLog} and
 * {@link XmlProblem} (SEC-1): the encoding is found as XML 1.0 Appendix F does (byte order mark, else the
 * pattern of zero bytes of UTF-16 or UTF-32), so that a UTF-16 request's credentials are found and masked
 * too; anything else is read as UTF-8.
 */
final class RequestText {
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private RequestText() {
    }

    static String decode(byte[] raw) {
        int n = raw.length;
        if (n >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new String(raw, 3, n - 3, StandardCharsets.UTF_8);
        }
        if (n >= 4 && raw[0] == 0 && raw[1] == 0 && (raw[2] & 0xFF) == 0xFE && (raw[3] & 0xFF) == 0xFF) {
            return new String(raw, 4, n - 4, UTF_32BE);
        }
        if (n >= 4 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE && raw[2] == 0 && raw[3] == 0) {
            return new String(raw, 4, n - 4, UTF_32LE);
        }
        if (n >= 2 && (raw[0] & 0xFF) == 0xFE && (raw[1] & 0xFF) == 0xFF) {
            return new String(raw, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE) {
            return new String(raw, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        // no byte order mark: where the zero bytes of the first characters are tells the width and order
        int[] zeros = new int[4];
        int sample = Math.min(n, 256) & ~3;
        for (int i = 0; i < sample; i++) {
            if (raw[i] == 0) {
                zeros[i & 3]++;
            }
        }
        int quarter = sample / 4;
        if (quarter > 0) {
            boolean z0 = zeros[0] * 2 > quarter;
            boolean z1 = zeros[1] * 2 > quarter;
            boolean z2 = zeros[2] * 2 > quarter;
            boolean z3 = zeros[3] * 2 > quarter;
            if (z0 && z1 && z2 && !z3) {
                return new String(raw, UTF_32BE);
            }
            if (!z0 && z1 && z2 && z3) {
                return new String(raw, UTF_32LE);
            }
            if (z0 && z2 && !z1 && !z3) {
                return new String(raw, StandardCharsets.UTF_16BE);
            }
            if (z1 && z3 && !z0 && !z2) {
                return new String(raw, StandardCharsets.UTF_16LE);
            }
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
