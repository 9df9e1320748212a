package org.opensra.spi.tls;

import java.security.cert.CertificateException;

/**
 * Why {@link TlsTrust} refused a server's certificate, with the SHA-256 fingerprint it saw. Thrown from
 * the TLS handshake; the JDK keeps it as the cause of the handshake failure, where {@link #in} finds it.
 */
public final class TlsRefusal extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the certificate. */
    public enum Kind {
        /** Not the pinned certificate: its fingerprint differs from the one configured. */
        FINGERPRINT_MISMATCH,
        /** Expired, or not valid yet. */
        EXPIRED,
        /** Issued for another host name or address than the one connected to. */
        WRONG_HOST,
        /** Not signed by a trusted authority (system trust store or the admin's CA file). */
        UNTRUSTED
    }

    private final Kind kind;
    private final String fingerprint;

    public TlsRefusal(Kind kind, String fingerprint, String message) {
        super(message);
        this.kind = kind;
        this.fingerprint = fingerprint;
    }

    public Kind kind() {
        return kind;
    }

    /** SHA-256 fingerprint of the certificate the server presented ({@link TlsTrust#fingerprint} form). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The refusal in a failure's cause chain, or null when the failure is not a refused certificate. */
    public static TlsRefusal in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TlsRefusal) {
                return (TlsRefusal) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
