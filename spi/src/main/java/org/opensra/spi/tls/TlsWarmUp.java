package org.opensra.spi.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * The client side of a driver's TLS, run once without any network for the install step's training run
 * (the startup archive then holds the classes of a handshake, and every command that speaks TLS to an
 * array starts faster). Two {@link SSLEngine}s in one thread, in memory: a server with a throwaway key
 * made for the training, and a client that trusts it by fingerprint as drivers do ({@link TlsTrust#pinned}).
 * One thread and no socket, so the classes it loads come in the same order on every run (the appliance
 * image's archive must be the same bytes on every build).
 */
public final class TlsWarmUp {
    private static final int MAX_ROUNDS = 100;

    private TlsWarmUp() {
    }

    /**
     * A TLS 1.3 handshake, then {@code request} from client to server and {@code answer} back.
     *
     * @param keyStore PKCS12 store with one private key entry (the training's throwaway key)
     * @param password its store password
     * @return the bytes the client received (equal to {@code answer})
     */
    public static byte[] exchange(Path keyStore, char[] password, byte[] request, byte[] answer)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        X509Certificate certificate = null;
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (store.isKeyEntry(alias)) {
                certificate = (X509Certificate) store.getCertificate(alias);
            }
        }
        if (certificate == null) {
            throw new GeneralSecurityException(keyStore + " holds no key");
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext serverContext = SSLContext.getInstance("TLSv1.3");
        serverContext.init(kmf.getKeyManagers(), null, null);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = TlsTrust.pinned(TlsTrust.fingerprint(certificate)).context()
                .createSSLEngine("127.0.0.1", 443);
        client.setUseClientMode(true);
        client.setEnabledProtocols(TlsTrust.PROTOCOLS);

        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(packet + request.length);
        ByteBuffer toClient = ByteBuffer.allocate(packet + answer.length);
        ByteBuffer atServer = ByteBuffer.allocate(app + request.length);
        ByteBuffer atClient = ByteBuffer.allocate(app + answer.length);
        ByteBuffer requestOut = ByteBuffer.wrap(request);
        ByteBuffer answerOut = ByteBuffer.wrap(answer);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            step(client, requestOut, toServer);
            step(server, atServer.position() == request.length ? answerOut : ByteBuffer.allocate(0), toClient);
            toServer.flip();
            unwrap(server, toServer, atServer);
            toServer.compact();
            toClient.flip();
            unwrap(client, toClient, atClient);
            toClient.compact();
            if (atClient.position() == answer.length && !requestOut.hasRemaining() && !answerOut.hasRemaining()) {
                byte[] got = new byte[atClient.position()];
                atClient.flip().get(got);
                return got;
            }
        }
        throw new SSLException("the in-memory TLS exchange did not finish in " + MAX_ROUNDS + " rounds");
    }

    /** Lets the engine write what it has to say (handshake messages, or application data once done). */
    private static void step(SSLEngine engine, ByteBuffer data, ByteBuffer out) throws SSLException {
        runTasks(engine);
        SSLEngineResult r = engine.wrap(data, out);
        if (r.getStatus() != SSLEngineResult.Status.OK && r.getStatus() != SSLEngineResult.Status.CLOSED) {
            throw new SSLException("wrap: " + r.getStatus());
        }
        runTasks(engine);
    }

    private static void unwrap(SSLEngine engine, ByteBuffer in, ByteBuffer out) throws SSLException {
        while (in.hasRemaining()) {
            SSLEngineResult r = engine.unwrap(in, out);
            runTasks(engine);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                return;
            }
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("unwrap: " + r.getStatus());
            }
        }
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
