package org.opensra.spi.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a client of an array trusts the array's TLS certificate (JDK only, for any driver and for the
 * arrays' links to each other). Either the certificate is pinned by its SHA-256 fingerprint (the
 * self-signed certificate an array makes on its first start: no host name check, the fingerprint names
 * the one certificate), or it must be valid now, issued for the host connected to and signed by an
 * authority of the system trust store or of an admin's CA file (PEM). Each refusal is a
 * {@link TlsRefusal} of its own kind, carrying the fingerprint seen. Never a fall back to plain text:
 * callers connect with {@code https} only.
 *
 * <p>Use {@link #context()} for {@code HttpsURLConnection.setSSLSocketFactory} or an
 * {@code HttpClient}'s {@code sslContext}, with {@link #HOSTS_CHECKED_BY_TRUST} as the host name
 * verifier of an {@code HttpsURLConnection} (the host check is done here, in the handshake).
 */
public final class TlsTrust extends X509ExtendedTrustManager {
    /** TLS versions the arrays speak: 1.3 only. */
    public static final String[] PROTOCOLS = {"TLSv1.3"};

    /** Accepts every host name: {@link TlsTrust} has checked the certificate's host in the handshake. */
    public static final HostnameVerifier HOSTS_CHECKED_BY_TRUST = new CheckedInHandshake();

    private final String pinned;
    private final X509TrustManager authorities;

    private TlsTrust(String pinned, X509TrustManager authorities) {
        this.pinned = pinned;
        this.authorities = authorities;
    }

    /** Trusts exactly the certificate with this SHA-256 fingerprint (hex, colons and case optional). */
    public static TlsTrust pinned(String fingerprint) {
        return new TlsTrust(normalize(fingerprint), null);
    }

    /** Trusts what the JDK's system trust store trusts. */
    public static TlsTrust system() throws GeneralSecurityException {
        return new TlsTrust(null, authorities(null));
    }

    /** Trusts the authorities in a PEM file (one or more certificates). */
    public static TlsTrust caFile(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + n++, c);
            }
        }
        if (n == 0) {
            throw new CertificateException("no certificate in " + pem);
        }
        return new TlsTrust(null, authorities(store));
    }

    /** Pinned when a fingerprint is given, else the CA file when given, else the system trust store. */
    public static TlsTrust of(String fingerprint, Path caFile) throws IOException, GeneralSecurityException {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return pinned(fingerprint);
        }
        return caFile != null ? caFile(caFile) : system();
    }

    private static X509TrustManager authorities(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager) {
                return (X509TrustManager) m;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** A TLS 1.3 client context that trusts by these rules. */
    public SSLContext context() throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLSv1.3");
        c.init(null, new TrustManager[] {this}, null);
        return c;
    }

    /** The pinned fingerprint, or null. */
    public String pinnedFingerprint() {
        return pinned;
    }

    /** {@code AB:CD:...}: SHA-256 of the certificate's DER encoding, upper-case hex pairs with colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder s = new StringBuilder(d.length * 3);
            for (byte b : d) {
                if (s.length() > 0) {
                    s.append(':');
                }
                s.append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
            }
            return s.toString();
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * A fingerprint as an admin may write it ({@code sha256:ab cd ...}, with or without colons) in the
     * {@link #fingerprint} form; {@link IllegalArgumentException} when it is not 32 hex bytes.
     */
    public static String normalize(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "sha256:", 0, 7) || t.regionMatches(true, 0, "sha-256:", 0, 8)) {
            t = t.substring(t.indexOf(':') + 1);
        }
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hex.append(Character.toUpperCase(c));
            } else if (c != ':' && c != ' ' && c != '-') {
                throw new IllegalArgumentException("not a SHA-256 fingerprint: " + text);
            }
        }
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes (64 hex digits): " + text);
        }
        StringBuilder out = new StringBuilder(95);
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    /** Checks a server's chain for a connection to host (null: no host check possible). */
    public void check(X509Certificate[] chain, String authType, String host) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new TlsRefusal(TlsRefusal.Kind.UNTRUSTED, "", "the server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        String seen = fingerprint(leaf);
        if (pinned != null && !pinned.equals(seen)) {
            throw new TlsRefusal(TlsRefusal.Kind.FINGERPRINT_MISMATCH, seen, "the server's certificate has fingerprint "
                    + seen + ", not the pinned " + pinned);
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new TlsRefusal(TlsRefusal.Kind.EXPIRED, seen, "the server's certificate (fingerprint " + seen
                    + ") is valid from " + leaf.getNotBefore() + " to " + leaf.getNotAfter() + " only");
        }
        if (pinned != null) {
            return;
        }
        if (host != null && !issuedFor(leaf, host)) {
            throw new TlsRefusal(TlsRefusal.Kind.WRONG_HOST, seen, "the server's certificate (fingerprint " + seen
                    + ") is not issued for " + host);
        }
        try {
            authorities.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            TlsRefusal r = new TlsRefusal(TlsRefusal.Kind.UNTRUSTED, seen, "the server's certificate (fingerprint "
                    + seen + ") is not signed by a trusted authority: " + e.getMessage());
            r.initCause(e);
            throw r;
        }
    }

    /** Whether the certificate names host among its subject alternative names (IP or DNS, one leading wildcard). */
    static boolean issuedFor(X509Certificate c, String host) throws CertificateParsingException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Collection<List<?>> names = c.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        boolean literal = isIpLiteral(h);
        for (List<?> n : names) {
            int type = (Integer) n.get(0);
            String value = String.valueOf(n.get(1));
            if (literal && type == 7 && sameAddress(h, value)) {
                return true;
            }
            if (!literal && type == 2 && dnsMatches(value.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpLiteral(String h) {
        if (h.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !h.isEmpty();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b)); // literals: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static String host(Socket socket) {
        if (socket == null || socket.getInetAddress() == null) {
            return null;
        }
        if (socket instanceof javax.net.ssl.SSLSocket) {
            SSLSession s = ((javax.net.ssl.SSLSocket) socket).getHandshakeSession();
            if (s != null && s.getPeerHost() != null) {
                return s.getPeerHost();
            }
        }
        return socket.getInetAddress().getHostAddress();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, host(socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities == null ? new X509Certificate[0] : authorities.getAcceptedIssuers();
    }

    private static final class CheckedInHandshake implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }
}
