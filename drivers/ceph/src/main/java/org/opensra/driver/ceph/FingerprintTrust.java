package org.opensra.driver.ceph;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which dashboard certificates the driver trusts: with a pinned SHA-256 fingerprint (the opaque
 * connection parameter {@code certificateFingerprint}), exactly the certificate with that fingerprint
 * (the pin is the identity, so the host name is not checked); without one, the system trust store and
 * the usual host name check. Kept apart so that it can be merged with the embedded driver's TLS trust.
 */
final class FingerprintTrust {
    private final byte[] pinned;

    private FingerprintTrust(byte[] pinned) {
        this.pinned = pinned;
    }

    static FingerprintTrust systemStore() {
        return new FingerprintTrust(null);
    }

    /**
     * A pin written as 64 hex digits, with or without colons (as {@code openssl x509 -fingerprint
     * -sha256} prints it).
     *
     * @throws IllegalArgumentException when it is not a SHA-256 fingerprint
     */
    static FingerprintTrust pinned(String fingerprint) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i++) {
            char c = fingerprint.charAt(i);
            if (c == ':' || c == ' ') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("certificate fingerprint: not a hex digit: '" + c + "'");
            }
            hex.append(c);
        }
        if (hex.length() != 64) {
            throw new IllegalArgumentException("certificate fingerprint: a SHA-256 fingerprint has 64 hex digits, got "
                    + hex.length());
        }
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new FingerprintTrust(bytes);
    }

    boolean isPinned() {
        return pinned != null;
    }

    /** Applies this trust to one connection. */
    void apply(HttpsURLConnection connection) throws GeneralSecurityException {
        if (pinned == null) {
            return;
        }
        connection.setSSLSocketFactory(pinnedFactory());
        connection.setHostnameVerifier(ANY_HOST_WITH_PIN);
    }

    private SSLSocketFactory pinnedFactory() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new PinnedTrustManager(pinned)}, null);
        return context.getSocketFactory();
    }

    static String sha256Hex(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < digest.length; i++) {
                if (i > 0) {
                    out.append(':');
                }
                out.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)));
                out.append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
            }
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static final HostnameVerifier ANY_HOST_WITH_PIN = new HostnameVerifier() {
        @Override
        public boolean verify(String host, javax.net.ssl.SSLSession session) {
            return true; // the certificate was already matched against the pin
        }
    };

    private static final class PinnedTrustManager implements X509TrustManager {
        private final byte[] pinned;

        PinnedTrustManager(byte[] pinned) {
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the dashboard sent no certificate");
            }
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
            if (!MessageDigest.isEqual(digest, pinned)) {
                throw new CertificateException("the dashboard's certificate has SHA-256 fingerprint "
                        + sha256Hex(chain[0].getEncoded()) + ", not the pinned one");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
