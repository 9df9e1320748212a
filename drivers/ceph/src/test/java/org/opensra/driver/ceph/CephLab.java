package org.opensra.driver.ceph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverException;

/**
 * Two real Ceph clusters of drivers/ceph/lab/ceph-lab for the driver's integration tests: brings them up in
 * a folder of the test (or uses a running lab named by {@code -Dopensra.ceph.lab=DIR}, which it leaves
 * running), opens the driver on either site, and reads and writes image bytes through the lab's data
 * command (librbd). {@link #close()} stops exactly the lab it started.
 */
final class CephLab implements AutoCloseable {
    /** Ports shifted by this much: apart from a developer's own lab (0) and dist's CephEmulatorSuiteIT (150). */
    private static final String PORT_OFFSET = "300";
    private final Path script;
    private final Path dir;
    private final boolean owned;
    private final Thread hook;

    private CephLab(Path script, Path dir, boolean owned) {
        this.script = script;
        this.dir = dir;
        this.owned = owned;
        this.hook = new Thread(() -> {
            try {
                run(List.of("down"), 180);
            } catch (IOException e) {
                // the build is going down anyway
            }
        }, "ceph-lab-down");
    }

    /** True when the Debian packages the lab needs are installed. */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/ceph-mon")) && Files.isExecutable(Path.of("/usr/bin/rbd-mirror"));
    }

    static CephLab start(Path scratch, int images) throws IOException {
        Path script = Path.of(System.getProperty("opensra.repo", "../..")).resolve("drivers/ceph/lab/ceph-lab")
                .toAbsolutePath().normalize();
        String existing = System.getProperty("opensra.ceph.lab", "");
        if (!existing.isBlank()) {
            return new CephLab(script, Path.of(existing).toAbsolutePath(), false);
        }
        CephLab lab = new CephLab(script, scratch.resolve("lab"), true);
        Runtime.getRuntime().addShutdownHook(lab.hook);
        try {
            lab.run(List.of("up", "--images", Integer.toString(images)), 420);
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /** The driver connected to site A or B, as SRM would open it (connection values of DIR/sites.json). */
    ArrayDriver driver(String site) throws IOException, DriverException {
        JsonObject s = JsonReader.parseObject(Files.readString(dir.resolve("sites.json"))).object("sites").object(site)
                .object("connection");
        String password = Files.readString(Path.of(s.string("passwordFile"))).strip();
        JsonObject opaques = s.object("opaques");
        ConnectionValues values = new ConnectionValues("ceph",
                Map.of(CephDescription.ADDRESS_ID, s.object("addresses").string("managerAddress")),
                Optional.of(s.string("username")), Optional.of(password),
                Map.of(CephDescription.POOLS_ID, opaques.string("pools"),
                        CephDescription.FINGERPRINT_ID, opaques.string("certificateFingerprint")));
        return new CephDriverFactory().open(values);
    }

    void write(String site, String device, long offset, byte[] bytes) throws IOException {
        Path file = Files.createTempFile("ceph-it", ".bin");
        try {
            Files.write(file, bytes);
            run(List.of("data", "write", "--site", site, device, Long.toString(offset), Integer.toString(bytes.length),
                    file.toString()), 150);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    byte[] read(String site, String device, long offset, int length) throws IOException {
        Path file = Files.createTempFile("ceph-it", ".bin");
        try {
            run(List.of("data", "read", "--site", site, device, Long.toString(offset), Integer.toString(length),
                    file.toString()), 150);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        if (!owned) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        run(List.of("down"), 180);
    }

    private String run(List<String> args, int seconds) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "CEPH_LAB_PORT_OFFSET=" + PORT_OFFSET, script.toString()));
        command.add(args.get(0));
        if (args.get(0).equals("data")) {
            command.add(args.get(1));
            command.addAll(List.of("--dir", dir.toString()));
            command.addAll(args.subList(2, args.size()));
        } else {
            command.addAll(List.of("--dir", dir.toString()));
            command.addAll(args.subList(1, args.size()));
        }
        Path out = Files.createTempFile("ceph-lab", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("timed out after " + seconds + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
