package org.opensra.emulator.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic, distinguishable byte patterns per (step, device): SHA-256 in counter mode. */
public final class Patterns {
    private Patterns() {
    }

    public static byte[] of(String label, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] out = new byte[length];
            int pos = 0;
            for (int block = 0; pos < length; block++) {
                sha.update((label + "#" + block).getBytes(StandardCharsets.UTF_8));
                byte[] d = sha.digest();
                int n = Math.min(d.length, length - pos);
                System.arraycopy(d, 0, out, pos, n);
                pos += n;
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
