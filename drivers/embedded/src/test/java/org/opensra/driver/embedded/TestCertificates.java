package org.opensra.driver.embedded;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed test certificates made with this JDK's keytool: any names, any validity. */
final class TestCertificates {
    final X509Certificate certificate;
    final SSLContext server;

    private TestCertificates(X509Certificate certificate, SSLContext server) {
        this.certificate = certificate;
        this.server = server;
    }

    /** san: keytool's SAN list (dns:x,ip:y); startDate: keytool's -startdate (null: now). */
    static TestCertificates make(Path dir, String name, String san, String startDate, int validityDays) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "k", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                String.valueOf(validityDays), "-dname", "CN=" + name, "-ext", "SAN=" + san, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit"));
        if (startDate != null) {
            cmd.add("-startdate");
            cmd.add(startDate);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext c = SSLContext.getInstance("TLSv1.3");
        c.init(kmf.getKeyManagers(), null, null);
        return new TestCertificates((X509Certificate) ks.getCertificate("k"), c);
    }

    Path writePem(Path file) throws Exception {
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return file;
    }
}
