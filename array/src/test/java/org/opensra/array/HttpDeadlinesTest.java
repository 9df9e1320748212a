package org.opensra.array;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.daemon.ArrayDaemon;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every socket read of the management API has a deadline (issue 18, array/API.md "Limits"). */
class HttpDeadlinesTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("issue 18: a daemon sets the JDK HTTP server's request/response deadlines and connection limits (unless given with -D)")
    void daemonSetsServerDeadlines() throws Exception {
        try (ArrayDaemon d = TwoArrays.start("array-a", tmp.resolve("a"), 0, TwoArrays.PASS_A)) {
            assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isNotNull();
            assertThat(Long.parseLong(System.getProperty("sun.net.httpserver.maxReqTime"))).isPositive();
            assertThat(Long.parseLong(System.getProperty("sun.net.httpserver.maxRspTime"))).isPositive();
            assertThat(System.getProperty("jdk.httpserver.maxConnections")).isNotNull();
        }
    }

    @Test
    @DisplayName("issue 18: a client that never finishes its request is disconnected by the daemon (deadline given with -D, as an operator may)")
    void stalledRequestIsCut() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, TwoArrays.PASS_A + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dopensra.array.pbkdf2Iterations=1000", "-Dsun.net.httpserver.maxReqTime=2", "-Dsun.net.httpserver.timerMillis=200",
            "-cp", System.getProperty("java.class.path"), "org.opensra.array.ArrayMain", "serve", "--array-id", "array-a",
            "--data", tmp.resolve("a").toString(), "--listen", "127.0.0.1:" + port, "--user", TwoArrays.USER, "--password-file",
            pw.toString(), "--insecure")).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        try {
            TestApi api = new TestApi("127.0.0.1:" + port, TwoArrays.USER, TwoArrays.PASS_A);
            long ready = System.currentTimeMillis() + 60_000;
            while (true) {
                assertThat(p.isAlive()).as("daemon runs").isTrue();
                try {
                    if (api.get("/api/v1/array").status() == 200) {
                        break;
                    }
                } catch (AssertionError e) {
                    assertThat(System.currentTimeMillis()).as("daemon answers").isLessThan(ready);
                    Thread.sleep(50);
                }
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(60_000);
                s.getOutputStream().write("GET /api/v1/array HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                try {
                    assertThat(in.read()).as("closed by the daemon").isEqualTo(-1);
                } catch (SocketTimeoutException e) {
                    fail("the daemon kept a stalled request open for 60 s");
                } catch (java.net.SocketException e) {
                    // connection reset: closed by the daemon as well
                }
            }
            assertThat(api.get("/api/v1/array").status()).as("the daemon still serves others").isEqualTo(200);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
