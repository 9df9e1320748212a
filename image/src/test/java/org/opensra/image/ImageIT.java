package org.opensra.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRM appliance image as an administrator uploads it, checked with no container engine: its
 * manifests and config read from the archive, its one layer unpacked (as root, owners kept), and the
 * whole emulator suite run against the SRA inside that root file system, as user srm, through
 * {@code sra-in-root} (chroot in a private mount namespace) against two real sra-array daemons on
 * loopback, which the SRA reaches because the chroot shares the host's network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SRM = "1000:1000";

    private final Map<String, byte[]> files = new HashMap<>();
    private JsonNode config;
    private String configDigest;
    private Path root;
    private Path sraInRoot;

    @BeforeAll
    void unpack(@TempDir Path tmp) throws Exception {
        assertThat(System.getProperty("user.name")).as("the image test unpacks and enters a root file system: run as root")
                .isEqualTo("root");
        Path archive = Path.of(property("opensra.image"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode docker = JSON.readTree(files.get("manifest.json")).get(0);
        byte[] configBytes = files.get(docker.get("Config").asText());
        config = JSON.readTree(configBytes);
        configDigest = "sha256:" + sha256(configBytes);
        Path layer = tmp.resolve("layer.tar");
        Files.write(layer, files.get(docker.get("Layers").get(0).asText()));
        root = Files.createDirectory(tmp.resolve("root"));
        run(List.of("tar", "-xpf", layer.toString(), "--numeric-owner", "-C", root.toString()), Duration.ofMinutes(5))
                .requireOk("unpacking the layer");
        Files.delete(layer);
        sraInRoot = Path.of(property("opensra.image.sources"), "sra-in-root");
    }

    @Test
    @DisplayName("INV-1 the archive holds docker's manifest.json and an OCI layout naming the same blobs, digests matching")
    void manifestsMatchTheBlobs() throws Exception {
        JsonNode docker = JSON.readTree(files.get("manifest.json"));
        assertThat(docker).hasSize(1);
        assertThat(docker.get(0).get("RepoTags").get(0).asText()).startsWith("opensra/sra:");
        for (Map.Entry<String, byte[]> blob : files.entrySet()) {
            if (blob.getKey().startsWith("blobs/sha256/")) {
                assertThat(sha256(blob.getValue())).as(blob.getKey()).isEqualTo(blob.getKey().substring("blobs/sha256/".length()));
            }
        }
        assertThat(new String(files.get("oci-layout"), StandardCharsets.UTF_8)).contains("\"imageLayoutVersion\":\"1.0.0\"");
        JsonNode index = JSON.readTree(files.get("index.json"));
        String manifestDigest = index.get("manifests").get(0).get("digest").asText();
        JsonNode manifest = JSON.readTree(files.get("blobs/sha256/" + manifestDigest.substring(7)));
        assertThat(manifest.get("config").get("digest").asText()).isEqualTo(configDigest);
        String layerDigest = manifest.get("layers").get(0).get("digest").asText();
        assertThat(config.get("rootfs").get("diff_ids").get(0).asText()).isEqualTo(layerDigest);
        assertThat("blobs/sha256/" + layerDigest.substring(7)).isEqualTo(docker.get(0).get("Layers").get(0).asText());
    }

    @Test
    @DisplayName("INV-1 the config: user srm, working directory /srm/sra, no exposed port, no entrypoint, a shell as command")
    void configRunsAsSrmWithoutDaemon() {
        JsonNode c = config.get("config");
        assertThat(c.get("User").asText()).isEqualTo("srm");
        assertThat(c.get("WorkingDir").asText()).isEqualTo("/srm/sra");
        assertThat(c.has("ExposedPorts")).isFalse();
        assertThat(c.has("Entrypoint")).isFalse();
        assertThat(c.get("Cmd").toString()).isEqualTo("[\"/bin/sh\"]");
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.get("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    @DisplayName("INV-1 the root: user srm, /srm/sra read-only for srm but conf, no set-user-ID file, the startup archive made")
    void rootFileSystem() throws Exception {
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("srm:x:1000:1000:");
        Path sra = root.resolve("srm/sra");
        assertThat(sra.resolve("command.pl")).isRegularFile();
        assertThat(sra.resolve("jre/bin/java")).isExecutable();
        assertThat(owner(sra)).isZero();
        assertThat(mode(sra) & 0022).isZero();
        assertThat(owner(sra.resolve("conf"))).isEqualTo(1000);
        assertThat(sra.resolve("conf/opensra.properties")).isRegularFile();
        assertThat(mode(root.resolve("tmp"))).isEqualTo(01777);
        try (var all = Files.walk(root)) {
            for (Path p : all.toList()) {
                assertThat(mode(p) & 06000).as("set-ID bit of %s", p).isZero();
                boolean inConf = p.startsWith(sra.resolve("conf"));
                if (!inConf && !p.equals(root.resolve("tmp"))) {
                    assertThat(mode(p) & 0002).as("world-writable %s", p).isZero();
                    assertThat(owner(p)).as("owner of %s", p).isZero();
                }
            }
        }
        try (var cds = Files.list(sra.resolve("cds"))) {
            assertThat(cds.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".aot") || n.endsWith(".jsa"));
        }
    }

    @Test
    @DisplayName("INV-1 INV-3 LOG-1 queryInfo as srm inside the root: the response file is srm's, the startup archive is left as made")
    void queryInfoAsSrm() throws Exception {
        Path cds = root.resolve("srm/sra/cds");
        String before = listing(cds);
        Path work = Files.createDirectories(root.resolve("tmp/query"));
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        String request = "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryInfo</Name>"
                + "<OutputFile>/tmp/query/out.xml</OutputFile><StatusFile>/tmp/query/status.xml</StatusFile>"
                + "<LogLevel>info</LogLevel><LogDirectory>/tmp/query</LogDirectory></Command>";
        Result r = run(List.of(sraInRoot.toString(), root.toString(), SRM, "perl", "/srm/sra/command.pl"),
                request.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2)).requireOk("queryInfo in the image");
        Path out = work.resolve("out.xml");
        assertThat(Files.readString(out)).contains("<Response").contains("OpenSRA");
        assertThat(owner(out)).isEqualTo(1000);
        assertThat(r.output()).contains("OpenSRA Storage Replication Adapter").doesNotContain("[cds");
        assertThat(listing(cds)).isEqualTo(before);
    }

    @Test
    @DisplayName("WF-1 WF-2 WF-3 WF-4 WF-5 WF-6 WF-7 WF-8 the emulator suite against the SRA inside the image, as srm: zero violations")
    void emulatorSuiteInsideTheImage(@TempDir Path tmp) throws Exception {
        Path home = Path.of(property("opensra.home"));
        Path lab = tmp.resolve("lab");
        Path report = tmp.resolve("report");
        Path sraArray = home.resolve("bin/sra-array");
        Result up = run(List.of(sraArray.toString(), "lab", "up", "--dir", lab.toString()), Duration.ofMinutes(5));
        Result suite;
        try {
            up.requireOk("lab up");
            suite = run(List.of(home.resolve("bin/srm-emulator").toString(), "run",
                    "--sra-command", sraInRoot + " " + root + " " + SRM + " perl /srm/sra/command.pl",
                    "--sra-work-dir", root.resolve("tmp") + "=/tmp",
                    "--lab", lab.toString(), "--report", report.toString(), "--quiet"), Duration.ofMinutes(25));
        } finally {
            run(List.of(sraArray.toString(), "lab", "down", "--dir", lab.toString()), Duration.ofMinutes(2));
        }
        assertThat(report.resolve("summary.json")).as("the emulator's summary; its output:\n%s", suite.output()).isRegularFile();
        JsonNode summary = JSON.readTree(report.resolve("summary.json").toFile());
        List<String> violations = new ArrayList<>();
        summary.get("violations").forEach(v -> violations.add(v.path("requirement").asText() + ": " + v.path("message").asText()));
        assertThat(violations).as("violations; emulator output:\n%s", suite.output()).isEmpty();
        assertThat(suite.exit()).as(suite.output()).isZero();
        for (String wf : List.of("WF-1", "WF-2", "WF-3", "WF-4", "WF-5", "WF-6", "WF-7", "WF-8")) {
            assertThat(summary.get("requirements").get(wf).asText()).as(wf).isEqualTo("PASSED");
        }
        assertThat(summary.get("bytesReplicated").asLong()).isPositive();
        assertThat(summary.get("commands").asLong()).isGreaterThan(50);
        // the SRA ran in the image: its commands' request copies name the image's /tmp
        try (var commands = Files.list(report.resolve("commands"))) {
            Path first = commands.sorted().findFirst().orElseThrow();
            assertThat(Files.readString(first.resolve("request.xml"))).contains("<OutputFile>/tmp/srm-emulator-");
        }
    }

    @Test
    @DisplayName("the image build is reproducible: built again from the same SRA folder and packages, the same bytes")
    void buildIsReproducible(@TempDir Path tmp) throws Exception {
        Path again = tmp.resolve("again.tar.gz");
        Path sources = Path.of(property("opensra.image.sources"));
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        // the Debian packages already downloaded by the build: no second download
        run(List.of("cp", "-a", Path.of(property("opensra.image.work")).resolve("debs").toString(), work.toString()),
                Duration.ofMinutes(1)).requireOk("copying the package cache");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ImageMain.main(new String[] {"--sra", property("opensra.image.sra"), "--packages",
                    sources.resolve("debian-packages.txt").toString(), "--work", work.toString(),
                    "--repo", property("opensra.repo"), "--tag", tagOf(), "--out", again.toString(),
                    "--warmup", property("opensra.image.warmup"),
                    // the first build's source date: a commit made since then does not change the sources built
                    "--epoch", Long.toString(java.time.Instant.parse(config.get("created").asText()).getEpochSecond())});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("digest " + configDigest);
        assertThat(sha256(Files.readAllBytes(again))).isEqualTo(sha256(Files.readAllBytes(Path.of(property("opensra.image")))));
    }

    private String tagOf() throws IOException {
        return JSON.readTree(files.get("manifest.json")).get(0).get("RepoTags").get(0).asText();
    }

    private static String listing(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                b.append(p.getFileName()).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        }
        return b.toString();
    }

    private static int owner(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return 0;
        }
        return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        assertThat(v).as("system property %s (run with mvn verify)", name).isNotBlank();
        return v;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    record Result(int exit, String output) {
        Result requireOk(String what) {
            assertThat(exit).as("%s exited %d: %s", what, exit, output).isZero();
            return this;
        }
    }

    private static Result run(List<String> command, Duration timeout) throws Exception {
        return run(command, null, timeout);
    }

    private static Result run(List<String> command, byte[] stdin, Duration timeout) throws Exception {
        Path out = Files.createTempFile("image-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
