package org.opensra.driver.ceph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The WWN a volume is identified by: NAA 6 (IEEE registered extended), 16 bytes, from a SHA-256 of the
 * site name and the image's stable id (the mirror global id for mirrored images, the image id for test
 * copies). Stable across calls and SRA processes; different at the two sites. A SCSI gateway exporting
 * the image sets this value as its device identifier (VPD 0x83).
 */
final class Wwns {
    private Wwns() {
    }

    static String of(String siteName, String stableId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((siteName + "\n" + stableId)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        StringBuilder out = new StringBuilder(47);
        for (int i = 0; i < 16; i++) {
            int b = digest[i] & 0xFF;
            if (i == 0) {
                b = 0x60 | (b & 0x0F); // NAA 6
            }
            if (i > 0) {
                out.append(':');
            }
            out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }
}
