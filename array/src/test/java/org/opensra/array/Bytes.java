package org.opensra.array;

import java.util.Random;

/** Deterministic test data. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
