package org.opensra.array.daemon;

import org.opensra.array.security.TlsIdentity;

import java.io.IOException;
import java.nio.file.Path;

/**
 * TLS of the daemon's listeners: the admin's PEM certificate and key, or (both null) the daemon's own
 * self-signed identity in {@code DATA/tls/}. No TlsOptions at all: plain text ({@code serve --insecure}).
 */
public record TlsOptions(Path certPem, Path keyPem) {
    public TlsOptions {
        if ((certPem == null) != (keyPem == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
    }

    public static TlsOptions own() {
        return new TlsOptions(null, null);
    }

    TlsIdentity identity(Path dataDir, DaemonConfig cfg) throws IOException {
        return certPem != null ? TlsIdentity.fromPem(certPem, keyPem)
            : TlsIdentity.ownIn(dataDir.resolve("tls"), cfg.arrayId(), cfg.listen().getAddress());
    }
}
