package org.opensra.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * Two real {@code sra-array} daemons on loopback started with {@code sra-array lab up --dir DIR},
 * their sites file, and the admin CLI. {@link #close()} always runs {@code lab down}.
 */
final class Lab implements AutoCloseable {
    /**
     * username/passwordFile: the site's admin account (CLI, direct API reads); sraUser/sraPasswordFile: the
     * account SRM's adapter logs in with (role sra, sites.json's connection).
     */
    record Site(String name, String arrayId, String address, String username, Path passwordFile, String fingerprint,
                String sraUser, Path sraPasswordFile) {
        String sraPassword() {
            try {
                return Files.readString(sraPasswordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new AssertionError("cannot read " + sraPasswordFile, e);
            }
        }

        /** The connection's opaques: extra plus the pinned TLS fingerprint of the site's array. */
        java.util.Map<String, String> pinned(java.util.Map<String, String> extra) {
            java.util.Map<String, String> m = new java.util.HashMap<>(extra);
            m.put("tlsFingerprint", fingerprint);
            return m;
        }

        String password() {
            try {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new AssertionError("cannot read " + passwordFile, e);
            }
        }
    }

    private final Path home;
    private final Path dir;
    private final Path scratch;
    private final Site a;
    private final Site b;
    private final Thread downHook;

    private Lab(Path home, Path dir, Site a, Site b, Thread downHook) {
        this.home = home;
        this.dir = dir;
        this.scratch = dir.resolve("scratch");
        this.a = a;
        this.b = b;
        this.downHook = downHook;
    }

    static Path home() {
        String home = System.getProperty("opensra.home");
        if (home == null || home.isBlank()) {
            throw new AssertionError("system property opensra.home is not set (run with mvn verify)");
        }
        return Path.of(home).toAbsolutePath();
    }

    static Lab up(Path dir) {
        Path home = home();
        Thread hook = new Thread(() -> Proc.run(List.of(home.resolve("bin/sra-array").toString(), "lab", "down",
                "--dir", dir.toString()), null, Duration.ofSeconds(60), dir.resolve("scratch")));
        Runtime.getRuntime().addShutdownHook(hook);
        // not retried: `lab up` waits for the daemons' ready files however slow their launchers are (issue 18)
        Proc.Result r = Proc.run(List.of(home.resolve("bin/sra-array").toString(), "lab", "up", "--dir", dir.toString()),
                null, Duration.ofSeconds(300), dir.resolve("scratch"));
        if (r.exit() != 0) {
            hook.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw new AssertionError("lab up failed (" + r.exit() + "): " + r.stdout() + r.stderr());
        }
        try {
            JsonObject sites = JsonReader.parseObject(Files.readString(dir.resolve("sites.json"))).object("sites");
            return new Lab(home, dir, site("A", sites.object("A")), site("B", sites.object("B")), hook);
        } catch (IOException | RuntimeException e) {
            hook.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw new AssertionError("cannot read " + dir.resolve("sites.json") + ": " + e.getMessage(), e);
        }
    }

    private static Site site(String name, JsonObject o) {
        return new Site(name, o.string("arrayId"), o.string("managementAddress"), o.string("username"),
                Path.of(o.string("passwordFile")), o.string("tlsFingerprint"), o.object("connection").string("username"),
                Path.of(o.object("connection").string("passwordFile")));
    }

    Site a() {
        return a;
    }

    Site b() {
        return b;
    }

    Path dir() {
        return dir;
    }

    /** Runs an admin subcommand against a site and returns its JSON output. */
    JsonObject cli(Site site, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/sra-array").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--address", site.address(), "--user", site.username(),
                "--password-file", site.passwordFile().toString(), "--fingerprint", site.fingerprint()));
        Proc.Result r = Proc.run(command, null, Duration.ofSeconds(180), scratch).requireOk(String.join(" ", args));
        return JsonReader.parseObject(r.stdout());
    }

    void write(Site site, String volume, long offset, byte[] data) {
        try {
            Files.createDirectories(scratch);
            Path in = Files.createTempFile(scratch, "write", ".bin");
            Files.write(in, data);
            cliRaw(site, "volume", "write", "--volume", volume, "--offset", Long.toString(offset), "--in", in.toString());
            Files.delete(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    byte[] read(Site site, String volume, long offset, int length) {
        try {
            Files.createDirectories(scratch);
            Path out = scratch.resolve("read-" + System.nanoTime() + ".bin");
            cliRaw(site, "volume", "read", "--volume", volume, "--offset", Long.toString(offset),
                    "--length", Integer.toString(length), "--out", out.toString());
            byte[] data = Files.readAllBytes(out);
            Files.delete(out);
            return data;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void cliRaw(Site site, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/sra-array").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--address", site.address(), "--user", site.username(),
                "--password-file", site.passwordFile().toString(), "--fingerprint", site.fingerprint()));
        Proc.run(command, null, Duration.ofSeconds(180), scratch).requireOk(String.join(" ", args));
    }

    void stopSite(Site site) {
        Proc.run(List.of(home.resolve("bin/sra-array").toString(), "lab", "stop-site", "--dir", dir.toString(),
                "--site", site.name()), null, Duration.ofSeconds(120), scratch).requireOk("lab stop-site");
    }

    /** Starts a stopped site (not retried: start-site waits for the daemon's ready file, issue 18). */
    void startSite(Site site) {
        Proc.run(List.of(home.resolve("bin/sra-array").toString(), "lab", "start-site", "--dir", dir.toString(),
                "--site", site.name()), null, Duration.ofSeconds(300), scratch).requireOk("lab start-site");
    }

    @Override
    public void close() {
        try {
            downHook.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(downHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
