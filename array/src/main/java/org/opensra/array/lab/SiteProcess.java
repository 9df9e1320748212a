package org.opensra.array.lab;

import org.opensra.array.cli.ApiClient;
import org.opensra.array.cli.CliException;
import org.opensra.array.security.OwnerOnlyFiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One lab site's daemon process: started detached (own session), found again by its pid file. */
final class SiteProcess {
    static final String USER = "admin";

    private final String site;
    private final String arrayId;
    private final Path dir;
    private final List<String> launcher;

    SiteProcess(String site, String arrayId, Path labDir, List<String> launcher) {
        this.site = site;
        this.arrayId = arrayId;
        this.dir = labDir.resolve(site);
        this.launcher = launcher;
    }

    String site() {
        return site;
    }

    String arrayId() {
        return arrayId;
    }

    Path passwordFile() {
        return dir.resolve("password");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path pidFile() {
        return dir.resolve("daemon.pid");
    }

    Path logFile() {
        return dir.resolve("daemon.log");
    }

    Path portFile() {
        return dir.resolve("port");
    }

    boolean initialized() {
        return Files.exists(dir.resolve("initialized"));
    }

    void markInitialized() throws IOException {
        Files.writeString(dir.resolve("initialized"), "sample data created\n");
    }

    /** The password file, generated (mode 0600) on the first start. */
    void ensurePassword() throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(passwordFile())) {
            OwnerOnlyFiles.writeString(passwordFile(), org.opensra.array.security.PasswordHasher.randomPassword() + "\n");
        }
    }

    ApiClient client(String address) {
        try {
            return new ApiClient(address, USER, OwnerOnlyFiles.readPassword(passwordFile()));
        } catch (IOException e) {
            throw new CliException("cannot read " + passwordFile() + ": " + e.getMessage());
        }
    }

    /** The port this site uses: the recorded one while it is free (stable address), else a new free one. */
    int port() throws IOException {
        if (Files.exists(portFile())) {
            int p = Integer.parseInt(Files.readString(portFile()).trim());
            if (running().isPresent() || free(p)) {
                return p;
            }
        }
        int p;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            p = s.getLocalPort();
        }
        Files.writeString(portFile(), p + "\n");
        return p;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String address() throws IOException {
        return "127.0.0.1:" + port();
    }

    /** The daemon process, if the pid file names a live process of ours. */
    Optional<ProcessHandle> running() throws IOException {
        if (!Files.exists(pidFile())) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile()).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().commandLine()
            .map(cl -> cl.contains("org.opensra.array.ArrayMain") && cl.contains(dataDir().toString())).orElse(true));
    }

    void start() throws IOException {
        if (running().isPresent()) {
            return;
        }
        ensurePassword();
        Files.createDirectories(dataDir());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            cmd.add("setsid");
        }
        cmd.addAll(launcher);
        cmd.addAll(List.of("serve", "--array-id", arrayId, "--name", "OpenSRA lab site " + site, "--data",
            dataDir().toString(), "--listen", address(), "--user", USER, "--password-file", passwordFile().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        Files.writeString(pidFile(), p.pid() + "\n", StandardCharsets.UTF_8);
    }

    /** Waits until the daemon answers (or dies). */
    void awaitReady(long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String address = address();
        while (System.currentTimeMillis() < deadline) {
            if (running().isEmpty()) {
                throw new CliException("site " + site + " daemon exited; see " + logFile() + ":\n" + tail());
            }
            try {
                client(address).get("/api/v1/array");
                return;
            } catch (CliException e) {
                Thread.sleep(200);
            }
        }
        throw new CliException("site " + site + " did not answer within " + timeoutMs / 1000 + " s; see " + logFile());
    }

    private String tail() throws IOException {
        if (!Files.exists(logFile())) {
            return "";
        }
        List<String> lines = Files.readAllLines(logFile());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after a grace period) and waits until it is gone. */
    boolean stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> h = running();
        if (h.isEmpty()) {
            Files.deleteIfExists(pidFile());
            return false;
        }
        ProcessHandle p = h.get();
        p.destroy();
        long deadline = System.currentTimeMillis() + 20_000;
        while (p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            while (p.isAlive()) {
                Thread.sleep(100);
            }
        }
        Files.deleteIfExists(pidFile());
        return true;
    }
}
