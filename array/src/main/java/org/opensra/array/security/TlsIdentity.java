package org.opensra.array.security;

import org.opensra.spi.tls.TlsTrust;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The daemon's TLS key and certificate, used by every listener (management API, peer API, transfer
 * port). Either the admin's PEM certificate (chain) and PKCS#8 PEM key, or, by default, a key pair and
 * self-signed certificate the daemon makes on its first start in {@code DATA/tls/} (EC P-256, ten
 * years, names localhost, 127.0.0.1, this host's name and the listen host). It is made by the daemon's
 * own runtime's {@code keytool} (the JDK has no public API to sign a certificate; this keeps the daemon
 * free of a crypto library). A key file readable by group or others is refused: the daemon does not start.
 */
public final class TlsIdentity {
    private static final String ALIAS = "opensra";

    private final X509Certificate certificate;
    private final SSLContext context;

    private TlsIdentity(X509Certificate certificate, SSLContext context) {
        this.certificate = certificate;
        this.context = context;
    }

    /** The SHA-256 fingerprint of the certificate, as clients pin it ({@code AB:CD:...}). */
    public String fingerprint() {
        return TlsTrust.fingerprint(certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A TLS 1.3 server context with this key. */
    public SSLContext serverContext() {
        return context;
    }

    /** The admin's PEM certificate (leaf first) and PKCS#8 PEM key. */
    public static TlsIdentity fromPem(Path certPem, Path keyPem) throws IOException {
        requireOwnerOnly(keyPem);
        try {
            List<X509Certificate> chain = new ArrayList<>();
            try (InputStream in = Files.newInputStream(certPem)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    chain.add((X509Certificate) c);
                }
            }
            if (chain.isEmpty()) {
                throw new IOException("no certificate in " + certPem);
            }
            PrivateKey key = pkcs8(keyPem, chain.get(0).getPublicKey().getAlgorithm());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] pass = PasswordHasher.randomPassword().toCharArray();
            store.setKeyEntry(ALIAS, key, pass, chain.toArray(new X509Certificate[0]));
            return of(store, pass);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS certificate " + certPem + " and key " + keyPem + ": " + e.getMessage(), e);
        }
    }

    /** The identity kept in {@code dir} ({@code identity.p12} and its password file), made on first use. */
    public static TlsIdentity ownIn(Path dir, String arrayId, InetAddress listenHost) throws IOException {
        Path store = dir.resolve("identity.p12");
        Path pass = dir.resolve("identity.pass");
        if (!Files.exists(store)) {
            generate(dir, store, pass, arrayId, listenHost);
        }
        requireOwnerOnly(store);
        requireOwnerOnly(pass);
        char[] password = OwnerOnlyFiles.readPassword(pass);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return of(ks, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the TLS key store " + store + ": " + e.getMessage(), e);
        }
    }

    private static TlsIdentity of(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext c = SSLContext.getInstance("TLSv1.3");
        c.init(kmf.getKeyManagers(), null, null);
        return new TlsIdentity((X509Certificate) store.getCertificate(ALIAS), c);
    }

    /** Refuses a key file that its group or others may read or write. */
    public static void requireOwnerOnly(Path key) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(key);
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("the TLS key " + key + " is readable or writable by others (mode "
                + java.nio.file.attribute.PosixFilePermissions.toString(p) + "): run chmod 600 " + key
                + " (and consider the key disclosed: make a new one)");
        }
    }

    private static PrivateKey pkcs8(Path keyPem, String algorithm) throws IOException, GeneralSecurityException {
        String text = Files.readString(keyPem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int b = text.indexOf(begin);
        int e = text.indexOf("-----END PRIVATE KEY-----");
        if (b < 0 || e < b) {
            throw new IOException(keyPem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
                + "`openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static void generate(Path dir, Path store, Path passFile, String arrayId, InetAddress listenHost)
            throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String password = PasswordHasher.randomPassword();
        Path tmp = dir.resolve("identity.p12.making");
        Files.deleteIfExists(tmp);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
            "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
            "-dname", "CN=" + arrayId + ", O=OpenSRA embedded array", "-ext", "SAN=" + subjectAltNames(listenHost),
            "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass:env", "OPENSRA_TLS_STOREPASS");
        pb.environment().put("OPENSRA_TLS_STOREPASS", password); // not on the command line (ps shows that)
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not make the daemon's TLS key: "
                    + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the TLS key", e);
        }
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        OwnerOnlyFiles.writeString(passFile, password + "\n");
        Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE); // last: a store exists only with its password
    }

    private static String subjectAltNames(InetAddress listenHost) {
        Set<String> names = new LinkedHashSet<>();
        names.add("dns:localhost");
        names.add("ip:127.0.0.1");
        names.add("ip:::1");
        if (listenHost != null && !listenHost.isAnyLocalAddress()) {
            names.add("ip:" + listenHost.getHostAddress());
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add("dns:" + local.getHostName());
            String canonical = local.getCanonicalHostName();
            if (!canonical.equals(local.getHostAddress())) {
                names.add("dns:" + canonical);
            }
            if (!local.isLoopbackAddress()) {
                names.add("ip:" + local.getHostAddress());
            }
        } catch (IOException e) {
            // no resolvable host name: localhost and the listen address only
        }
        return String.join(",", names);
    }
}
