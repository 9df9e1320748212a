package org.opensra.array.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** PBKDF2-HMAC-SHA256 salted password hashes (JDK only). */
public final class PasswordHasher {
    /** PBKDF2 rounds for new hashes; {@code -Dopensra.array.pbkdf2Iterations} may change it (>= 1000). */
    public static final int ITERATIONS = Math.max(1000, Integer.getInteger("opensra.array.pbkdf2Iterations", 120_000));
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public record Hash(String salt, int iterations, String hash) {
    }

    public static Hash hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Hash(Base64.getEncoder().encodeToString(salt), ITERATIONS,
            Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS)));
    }

    public static boolean verify(char[] password, Hash h) {
        byte[] expected = Base64.getDecoder().decode(h.hash());
        byte[] actual = derive(password, Base64.getDecoder().decode(h.salt()), h.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }

    public static String randomPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
