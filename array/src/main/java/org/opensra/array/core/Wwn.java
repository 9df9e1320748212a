package org.opensra.array.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * NAA type 6 WWNs (32 hex digits): '6', a 24-bit company id, 36 bits from the array id's hash and a
 * 64-bit per-array serial. Unique across arrays with distinct ids, stored at creation, never changes.
 */
public final class Wwn {
    private static final String COMPANY = "0a5f0e";

    private Wwn() {
    }

    public static String of(String arrayId, long serial) {
        return "6" + COMPANY + arrayHash(arrayId, 9) + String.format("%016x", serial);
    }

    /** FC port WWPN of this array, colon separated. */
    public static String wwpn(String arrayId, int port) {
        String hex = "50" + COMPANY + arrayHash(arrayId, 6) + String.format("%02x", port);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    static String arrayHash(String arrayId, int digits) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(arrayId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, digits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
