package org.opensra.array.iscsi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** One CHAP exchange with MD5 (CHAP_A=5, RFC 1994 as used by RFC 7143 12.1.3): challenge and check. */
final class Chap {
    private static final SecureRandom RANDOM = new SecureRandom();

    final int id;
    final byte[] challenge;

    Chap() {
        id = RANDOM.nextInt(256);
        challenge = new byte[16];
        RANDOM.nextBytes(challenge);
    }

    String challengeHex() {
        return "0x" + HexFormat.of().formatHex(challenge);
    }

    /** Whether CHAP_R (hex 0x... or base64 0b...) is MD5(id, secret, challenge). */
    boolean verify(byte[] secret, String response) {
        byte[] got = decode(response);
        if (got == null) {
            return false;
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) id);
            md5.update(secret);
            md5.update(challenge);
            return MessageDigest.isEqual(md5.digest(), got);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String v) {
        String s = v.trim();
        try {
            if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
                return HexFormat.of().parseHex(s.substring(2));
            }
            if (s.toLowerCase(Locale.ROOT).startsWith("0b")) {
                return java.util.Base64.getDecoder().decode(s.substring(2));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
