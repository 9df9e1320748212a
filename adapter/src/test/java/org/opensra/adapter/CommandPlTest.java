package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.testing.Requests;
import org.opensra.adapter.testing.TestInstall;

/**
 * The real launcher: {@code perl command.pl < request.xml} on an install folder assembled from this
 * build (INV-1), its Java discovery, exit status and AppCDS archive handling.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandPlTest {
    @TempDir
    static Path root;
    static Path sra;

    record Result(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void install() throws IOException {
        sra = TestInstall.create(root.resolve("install"));
    }

    private static Result perl(Path workDir, String request, Map<String, String> env) throws Exception {
        Path requestFile = Files.writeString(Files.createTempFile(root, "request", ".xml"), request);
        Path out = Files.createTempFile(root, "stdout", ".txt");
        Path err = Files.createTempFile(root, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder("perl", sra.resolve("command.pl").toString())
                .directory(workDir.toFile())
                .redirectInput(requestFile.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process process = pb.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("command.pl finished").isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path case_(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static List<Path> archives() throws IOException {
        if (!Files.isDirectory(sra.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sra.resolve("cds"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).collect(Collectors.toList());
        }
    }

    @Test
    @Order(1)
    @DisplayName("INV-1 perl command.pl < request runs the SRA from any working directory and exits 0; the first run creates the CDS archive")
    void runsFromAnyDirectory() throws Exception {
        Path dir = case_("first");
        Result r = perl(Files.createDirectories(root.resolve("elsewhere")), Requests.simple("queryInfo", dir), Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>")
                .contains("6f1c2a8e-4b7d-4e39-9a51-3c0d8e2f7b64");
        assertThat(r.stdout()).contains("] OpenSRA ").contains("Incoming request:");
        assertThat(archives()).hasSize(1);
        assertThat(Files.size(archives().get(0))).isGreaterThan(4096);
    }

    @Test
    @Order(2)
    @DisplayName("INV-1 the second run uses the archive; the response is the same")
    void usesArchive() throws Exception {
        Path dir = case_("second");
        Result r = perl(dir, Requests.simple("queryErrorDefinitions", dir), Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<ErrorDefinitions>");
        assertThat(archives()).hasSize(1);
    }

    private static byte[] corrupt(Path archive) throws IOException {
        archive.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 4096 && i < bytes.length; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        return bytes;
    }

    @Test
    @Order(3)
    @DisplayName("INV-1 a corrupt archive that looks unchanged (same size and time) never makes a command fail")
    void corruptArchiveSameTime() throws Exception {
        Path archive = archives().get(0);
        FileTime time = Files.getLastModifiedTime(archive);
        Files.write(archive, corrupt(archive));
        Files.setLastModifiedTime(archive, time);
        Path dir = case_("corrupt-same-time");
        Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        assertThat(r.stdout()).doesNotContain("fatal error");
    }

    @Test
    @Order(4)
    @DisplayName("INV-1 a changed archive is not used but made again")
    void changedArchiveMadeAgain() throws Exception {
        Path archive = archives().get(0);
        byte[] corrupted = corrupt(archive);
        FileTime time = Files.getLastModifiedTime(archive);
        Files.write(archive, corrupted);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(time.toMillis() + 5_000));
        Path dir = case_("corrupt-later");
        Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        assertThat(archives()).hasSize(1);
        assertThat(Files.readAllBytes(archives().get(0))).isNotEqualTo(corrupted);
        Path again = case_("after-corrupt");
        Result next = perl(again, Requests.simple("queryInfo", again), Map.of());
        assertThat(next.exit()).as(next.stdout() + next.stderr()).isZero();
    }

    @Test
    @Order(5)
    @DisplayName("INV-1 without a usable cds folder (not creatable) the command runs without an archive")
    void noCdsFolder() throws Exception {
        Path cds = sra.resolve("cds");
        try (Stream<Path> files = Files.list(cds)) {
            for (Path f : files.collect(Collectors.toList())) {
                Files.delete(f);
            }
        }
        Files.delete(cds);
        Files.writeString(cds, "not a folder");
        try {
            Path dir = case_("nocds");
            Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        } finally {
            Files.delete(cds);
        }
    }

    @Test
    @Order(6)
    @DisplayName("INFO-1 queryInfo stays lean: no translations, error catalogue, configuration, driver or workflow classes loaded, no regex, no process API, no method-handle class spun")
    void queryInfoLoadsLittle() throws Exception {
        Path dir = case_("lean");
        assertThat(perl(dir, Requests.simple("queryInfo", dir), Map.of()).exit()).as("archive made").isZero();
        Path classes = root.resolve("classes.txt");
        Result r = perl(dir, Requests.simple("queryInfo", dir),
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("org.opensra.adapter.commands.QueryInfoCommand")
                .doesNotContain("org.opensra.adapter.l10n.Translations")
                .doesNotContain("org.opensra.adapter.error.ErrorTable")
                .doesNotContain("org.opensra.adapter.config.AdapterConfig ")
                .doesNotContain("org.opensra.adapter.workflow.")
                .doesNotContain("java.util.ServiceLoader$")
                .doesNotContain("java.time.format.DateTimeFormatter")
                .doesNotContain("java.util.regex.Pattern ")
                .doesNotContain("java.lang.ProcessHandleImpl ");
        // Method-handle classes spun at run time (~1 ms each): a lambda, a regex or the JDK looking in
        // jaxp.properties (command.pl's JAXP settings) would add some. The one left is the JDK's own
        // look-up of its SAX parser factory when the StAX factory is made.
        assertThat(loaded.split("__JVM_LookupDefineClass__", -1).length - 1).as(loaded).isLessThanOrEqualTo(1);
    }

    @Test
    @Order(7)
    @DisplayName("TOL-3 command.pl passes Java's exit status and its one-line message through")
    void exitStatus() throws Exception {
        Result r = perl(case_("bad"), "not a request", Map.of());
        assertThat(r.exit()).isEqualTo(SraMain.NO_RESPONSE);
        assertThat(r.stdout()).contains("OpenSRA: malformed request");
    }

    @Test
    @Order(8)
    @DisplayName("INV-1 a runtime bundled in sra/jre is preferred to JAVA_HOME")
    void bundledRuntimeFirst() throws Exception {
        Path bin = Files.createDirectories(sra.resolve("jre/bin"));
        Path marker = root.resolve("bundled-java-used");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + marker + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path dir = case_("bundled");
            Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of("JAVA_HOME", root.resolve("no-such-jdk").toString()));
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(marker).exists();
        } finally {
            Files.delete(java);
        }
    }
}
