package org.opensra.spi.tls;

import java.security.cert.CertificateException;
import java.util.HashMap;
import java.util.Map;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

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

    /**
     * The driver error for this refusal: its own code per kind (TLS_FINGERPRINT_MISMATCH, TLS_CERTIFICATE_EXPIRED,
     * TLS_WRONG_HOST, TLS_UNTRUSTED), naming the address and the fingerprint seen, so the fix hint can say
     * which certificate to pin; never a reason to retry as plain text.
     *
     * @param what the server as a sentence names it ("the array at host:port")
     */
    public DriverException failure(String what, String address) {
        DriverError error;
        switch (kind) {
            case FINGERPRINT_MISMATCH:
                error = DriverError.TLS_FINGERPRINT_MISMATCH;
                break;
            case EXPIRED:
                error = DriverError.TLS_CERTIFICATE_EXPIRED;
                break;
            case WRONG_HOST:
                error = DriverError.TLS_WRONG_HOST;
                break;
            default:
                error = DriverError.TLS_UNTRUSTED;
                break;
        }
        Map<String, String> placeholders = new HashMap<>(4);
        placeholders.put("Address", address);
        placeholders.put("Fingerprint", "SHA256:" + fingerprint);
        return new DriverException(error, placeholders, what + ": " + getMessage(), this);
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
