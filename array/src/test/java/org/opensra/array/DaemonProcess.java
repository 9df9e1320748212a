package org.opensra.array;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An array daemon in its own JVM, for SIGKILL crash tests. Always killed by the test. */
final class DaemonProcess implements AutoCloseable {
    private final String arrayId;
    private final Path data;
    private final Path passwordFile;
    private final int port;
    private final List<String> jvmOptions = new java.util.ArrayList<>();
    private final List<String> serveOptions = new java.util.ArrayList<>();
    private Process process;

    DaemonProcess(String arrayId, Path dir, String password) throws IOException {
        this.arrayId = arrayId;
        this.data = dir.resolve(arrayId);
        Files.createDirectories(dir);
        this.passwordFile = dir.resolve(arrayId + ".password");
        Files.writeString(passwordFile, password + "\n");
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
    }

    /** Adds JVM options and {@code serve} options for the next starts. */
    DaemonProcess with(List<String> jvm, List<String> serve) {
        jvmOptions.addAll(jvm);
        serveOptions.addAll(serve);
        return this;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC", "-Dopensra.array.pbkdf2Iterations=1000"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.opensra.array.ArrayMain", "serve", "--array-id",
            arrayId, "--data", data.toString(), "--listen", address(), "--user", TwoArrays.USER, "--password-file",
            passwordFile.toString(), "--insecure")); // crash tests: plain text (TLS has its own tests)
        cmd.addAll(serveOptions);
        process = new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(data + ".log")))
            .start();
    }

    /** Waits until the daemon answers (generous deadline: the machine may be busy). */
    void awaitReady(TestApi api) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(arrayId + " daemon exited with " + process.exitValue() + "; see " + data + ".log");
            }
            try {
                if (api.get("/api/v1/array").status() == 200) {
                    return;
                }
            } catch (AssertionError e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(arrayId + " did not answer in time");
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
