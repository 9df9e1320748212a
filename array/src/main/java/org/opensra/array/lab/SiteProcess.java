package org.opensra.array.lab;

import org.opensra.array.Json;
import org.opensra.array.cli.ApiClient;
import org.opensra.array.cli.CliException;
import org.opensra.array.security.OwnerOnlyFiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One lab site's daemon process: started detached (own session), found again by its pid file (the started
 * process) and its ready file (written by the daemon once it listens); a pid counts only while its
 * arguments show it is this site's daemon.
 */
final class SiteProcess {
    static final String USER = "admin";
    /** The account SRM's adapter logs in with (role sra; a name no log line contains by chance, for the emulator's SEC-1 check). */
    static final String SRA_USER = "srm-adapter";
    /** The account the other site logs in with (role peer). */
    static final String PEER_USER = "peer";

    private final String site;
    private final String arrayId;
    private final Path dir;
    private final List<String> launcher;
    private Process launched;

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

    /** The password of this site's SRA account (role sra): what SRM's adapter logs in with. */
    Path sraPasswordFile() {
        return dir.resolve("sra-password");
    }

    /** The password of this site's peer account (role peer): what the other site logs in with. */
    Path peerPasswordFile() {
        return dir.resolve("peer-password");
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
        for (Path p : List.of(passwordFile(), sraPasswordFile(), peerPasswordFile())) {
            if (!Files.exists(p)) {
                OwnerOnlyFiles.writeString(p, org.opensra.array.security.PasswordHasher.randomPassword() + "\n");
            }
        }
    }

    /** The SHA-256 fingerprint of the daemon's TLS certificate, as its ready file names it (null: none yet). */
    String fingerprint() throws IOException {
        try {
            return Json.text(Json.MAPPER.readTree(Files.readString(readyFile())), "tlsFingerprint");
        } catch (NoSuchFileException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    ApiClient client(String address) {
        try {
            String fp = fingerprint();
            if (fp == null) {
                throw new CliException("site " + site + " has not written its TLS fingerprint yet");
            }
            return new ApiClient(address, USER, OwnerOnlyFiles.readPassword(passwordFile()), fp, null);
        } catch (IOException e) {
            throw new CliException("cannot read " + passwordFile() + ": " + e.getMessage());
        }
    }

    /** The management port of this site (stable across restarts, see {@link #stablePort}). */
    int port() throws IOException {
        return stablePort(portFile());
    }

    /** The iSCSI portal port of this site (stable across restarts). */
    int iscsiPort() throws IOException {
        return stablePort(dir.resolve("iscsi.port"));
    }

    /**
     * The replication data port of this site (stable across restarts, so that a firewall rule or a relay in front
     * of it stays right when the daemon restarts).
     */
    int transferPort() throws IOException {
        return stablePort(dir.resolve("transfer.port"));
    }

    /** The port recorded in {@code file} while it is free or this site's daemon runs, else a new free one. */
    private int stablePort(Path file) throws IOException {
        if (Files.exists(file)) {
            int p = Integer.parseInt(Files.readString(file).trim());
            if (running().isPresent() || free(p)) {
                return p;
            }
        }
        int p;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            p = s.getLocalPort();
        }
        Files.createDirectories(dir);
        Files.writeString(file, p + "\n");
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

    /** Written by the daemon itself once it listens: its own pid, address and transfer port. */
    Path readyFile() {
        return dir.resolve("daemon.ready");
    }

    /** The daemon process (starting or serving), if the pid file or the ready file names a live daemon of this site. */
    Optional<ProcessHandle> running() throws IOException {
        List<ProcessHandle> all = daemons();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every live daemon process of this site that the pid file and the ready file name (verified by its arguments). */
    private List<ProcessHandle> daemons() throws IOException {
        List<ProcessHandle> found = new ArrayList<>();
        for (long pid : new long[] {readPid(pidFile()), readyPid()}) {
            if (pid > 0 && DaemonIdentity.isDaemonOf(pid, dataDir())) {
                ProcessHandle.of(pid).filter(h -> !found.contains(h)).ifPresent(found::add);
            }
        }
        return found;
    }

    private static long readPid(Path file) throws IOException {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (NoSuchFileException | NumberFormatException e) {
            return -1;
        }
    }

    private long readyPid() throws IOException {
        try {
            return Json.MAPPER.readTree(Files.readString(readyFile())).path("pid").asLong(-1);
        } catch (NoSuchFileException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return -1;
        }
    }

    /** Starts the daemon unless it runs (or is starting) already; true when this call started it. */
    boolean start() throws IOException {
        if (running().isPresent()) {
            return false;
        }
        ensurePassword();
        Files.createDirectories(dataDir());
        Files.deleteIfExists(readyFile());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            cmd.add("setsid");
        }
        cmd.addAll(launcher);
        cmd.addAll(List.of("serve", "--array-id", arrayId, "--name", "OpenSRA lab site " + site, "--data",
            dataDir().toString(), "--listen", address(), "--user", USER, "--password-file", passwordFile().toString(),
            "--ready-file", readyFile().toString(), "--iscsi-listen", "127.0.0.1:" + iscsiPort(),
            "--transfer-port", Integer.toString(transferPort())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        launched = pb.start();
        OwnerOnlyFiles.writeString(pidFile(), launched.pid() + "\n");
        return true;
    }

    /**
     * Waits until the daemon has written its ready file and answers, or until the started process has
     * really exited (whatever its launcher is doing in between).
     */
    void awaitReady(long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String address = address();
        while (true) {
            long ready = readyPid();
            if (ready > 0 && DaemonIdentity.isDaemonOf(ready, dataDir()) && answers(address)) {
                return;
            }
            if (exited()) {
                throw new CliException("site " + site + " daemon exited" + exitStatus() + "; see " + logFile() + ":\n" + tail());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new CliException("site " + site + " did not become ready within " + timeoutMs / 1000 + " s; see "
                    + logFile() + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    private boolean answers(String address) {
        try {
            client(address).get("/api/v1/array");
            return true;
        } catch (CliException e) {
            return false;
        }
    }

    /** True when no process of this start lives any more (the one this JVM started, else the pid file's). */
    private boolean exited() throws IOException {
        if (launched != null) {
            return !launched.isAlive() && daemons().isEmpty();
        }
        return daemons().isEmpty();
    }

    private String exitStatus() {
        return launched != null && !launched.isAlive() ? " with status " + launched.exitValue() : "";
    }

    private String tail() throws IOException {
        if (!Files.exists(logFile())) {
            return "";
        }
        List<String> lines = Files.readAllLines(logFile());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /**
     * Stops every daemon process of this site (SIGTERM, then SIGKILL after a grace period), waits until they
     * are gone and removes the pid and ready files; true when there was one.
     */
    boolean stop() throws IOException, InterruptedException {
        List<ProcessHandle> all = daemons();
        if (launched != null && launched.isAlive() && !all.contains(launched.toHandle())) {
            all.add(launched.toHandle());
        }
        for (ProcessHandle p : all) {
            p.destroy();
        }
        for (ProcessHandle p : all) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (p.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                while (p.isAlive()) {
                    Thread.sleep(100);
                }
            }
        }
        if (launched != null) {
            launched.waitFor();
            launched = null;
        }
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(readyFile());
        return !all.isEmpty();
    }
}
