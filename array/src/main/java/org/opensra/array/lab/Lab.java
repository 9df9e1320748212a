package org.opensra.array.lab;

import org.opensra.array.Json;
import org.opensra.array.cli.CliException;
import org.opensra.array.security.OwnerOnlyFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The two-site lab: site A (array-a) and site B (array-b) on loopback, described by DIR/sites.json. */
public final class Lab {
    /** Generous: on a busy machine a JVM start can take long; a daemon that really exits is noticed at once. */
    private static final long READY_TIMEOUT_MS = 240_000;

    private final Path dir;
    private final List<String> launcher;
    private final SiteProcess a;
    private final SiteProcess b;

    public Lab(Path dir) {
        this(dir, launcher());
    }

    Lab(Path dir, List<String> launcher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.launcher = launcher;
        this.a = new SiteProcess("A", "array-a", this.dir, launcher);
        this.b = new SiteProcess("B", "array-b", this.dir, launcher);
    }

    /** How to run sra-array: bin/sra-array of the distribution, else this JVM with its class path. */
    static List<String> launcher() {
        String home = System.getProperty("opensra.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "sra-array"))) {
            return List.of(Path.of(home, "bin", "sra-array").toAbsolutePath().normalize().toString());
        }
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(e).toAbsolutePath().normalize());
            }
        }
        return List.of(javaBin, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", cp.toString(), "org.opensra.array.ArrayMain");
    }

    public Path sitesFile() {
        return dir.resolve("sites.json");
    }

    /**
     * Starts both sites (sample data on the first start). On any failure, and when this process is told to
     * stop (SIGTERM, Ctrl-C) before it is done, stops the daemons this call started.
     */
    public void up() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<SiteProcess> started = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread interrupted = new Thread(() -> {
            if (!done.get()) {
                stopAll(started, null);
            }
        }, "lab-up-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            a.ensurePassword();
            b.ensurePassword();
            if (a.start()) {
                started.add(a);
            }
            if (b.start()) {
                started.add(b);
            }
            a.awaitReady(READY_TIMEOUT_MS);
            b.awaitReady(READY_TIMEOUT_MS);
            accounts(a);
            accounts(b);
            SampleData.link(site(a), site(b));
            SampleData.link(site(b), site(a));
            if (!a.initialized() || !b.initialized()) {
                SampleData.create(site(a), site(b));
                a.markInitialized();
                b.markInitialized();
            }
            writeSites();
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            stopAll(started, e);
            throw e;
        } finally {
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) and stops what was started
            }
        }
    }

    private static void stopAll(List<SiteProcess> sites, Throwable failure) {
        for (SiteProcess s : sites) {
            try {
                s.stop();
            } catch (IOException | InterruptedException | RuntimeException x) {
                if (failure != null) {
                    failure.addSuppressed(x);
                }
            }
        }
    }

    /** The site's SRA account (role sra) and peer account (role peer); idempotent. */
    private static void accounts(SiteProcess s) throws IOException {
        s.client(s.address()).post("/api/v1/users", Json.obj("name", SiteProcess.SRA_USER, "role", "sra",
            "password", new String(OwnerOnlyFiles.readPassword(s.sraPasswordFile()))));
        s.client(s.address()).post("/api/v1/users", Json.obj("name", SiteProcess.PEER_USER, "role", "peer",
            "password", new String(OwnerOnlyFiles.readPassword(s.peerPasswordFile()))));
    }

    private SampleData.Site site(SiteProcess s) throws IOException {
        return new SampleData.Site(s.arrayId(), s.client(s.address()), s.address(),
            new String(OwnerOnlyFiles.readPassword(s.peerPasswordFile())), s.fingerprint());
    }

    /** Stops every daemon the lab folder's pid and ready files name, also after a failed or interrupted up. */
    public void down() throws IOException, InterruptedException {
        try {
            a.stop();
        } finally {
            b.stop();
        }
    }

    public void stopSite(String site) throws IOException, InterruptedException {
        pick(site).stop();
    }

    public void startSite(String site) throws IOException, InterruptedException {
        SiteProcess s = pick(site);
        if (!s.initialized()) {
            throw new CliException("site " + site + " has no lab data in " + dir + "; run `lab up` first");
        }
        boolean started = s.start();
        try {
            s.awaitReady(READY_TIMEOUT_MS);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (started) {
                try {
                    s.stop();
                } catch (IOException | InterruptedException | RuntimeException x) {
                    e.addSuppressed(x);
                }
            }
            throw e;
        }
    }

    private SiteProcess pick(String site) {
        if ("A".equalsIgnoreCase(site)) {
            return a;
        }
        if ("B".equalsIgnoreCase(site)) {
            return b;
        }
        throw new CliException("--site must be A or B: " + site);
    }

    private void writeSites() throws IOException {
        Map<String, Object> sites = new LinkedHashMap<>();
        for (SiteProcess s : List.of(a, b)) {
            String address = s.address();
            String pw = s.passwordFile().toString();
            String sraPw = s.sraPasswordFile().toString();
            String fingerprint = s.fingerprint();
            List<String> admin = List.of("--address", address, "--user", SiteProcess.USER, "--password-file", pw,
                "--fingerprint", fingerprint);
            List<String> write = new ArrayList<>(launcher);
            write.addAll(List.of("volume", "write"));
            write.addAll(admin);
            write.addAll(List.of("--volume", "{device}", "--offset", "{offset}", "--in", "{file}"));
            List<String> read = new ArrayList<>(launcher);
            read.addAll(List.of("volume", "read"));
            read.addAll(admin);
            read.addAll(List.of("--volume", "{device}", "--offset", "{offset}", "--length", "{length}", "--out", "{file}"));
            // several devices in one command (one JVM, one login): the emulator's optional list forms
            List<String> writeMany = new ArrayList<>(launcher);
            writeMany.addAll(List.of("volume", "write-many"));
            writeMany.addAll(admin);
            writeMany.addAll(List.of("--list", "{list}"));
            List<String> readMany = new ArrayList<>(launcher);
            readMany.addAll(List.of("volume", "read-many"));
            readMany.addAll(admin);
            readMany.addAll(List.of("--list", "{list}"));
            List<String> stop = new ArrayList<>(launcher);
            stop.addAll(List.of("lab", "stop-site", "--dir", dir.toString(), "--site", s.site()));
            List<String> start = new ArrayList<>(launcher);
            start.addAll(List.of("lab", "start-site", "--dir", dir.toString(), "--site", s.site()));
            sites.put(s.site(), Json.obj("arrayId", s.arrayId(), "managementAddress", address, "username", SiteProcess.USER,
                "passwordFile", pw, "iscsiPortal", "127.0.0.1:" + s.iscsiPort(), "tlsFingerprint", fingerprint,
                "connection", Json.obj("id", "array", "addresses", Json.obj("managementAddress", address),
                    "username", SiteProcess.SRA_USER, "passwordFile", sraPw, "opaques", Map.of("tlsFingerprint", fingerprint)),
                "stop", stop, "start", start, "data", Json.obj("write", write, "read", read, "writeMany", writeMany, "readMany", readMany)));
        }
        Files.writeString(sitesFile(), Json.MAPPER.writerWithDefaultPrettyPrinter()
            .writeValueAsString(Json.obj("sites", sites)) + "\n");
    }
}
