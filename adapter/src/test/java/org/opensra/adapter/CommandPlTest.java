package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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
 * build (INV-1), with the JDK running the tests as its {@code sra/jre}: the runtime it uses and nothing
 * else, exec (the process SRM starts is the one doing the command), exit status and the startup archive
 * (made by {@code --make-archive} or by a command's own JVM, published by a later command).
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

    @AfterAll
    static void unlinkRuntimes() throws IOException {
        try (Stream<Path> installs = Files.list(root)) {
            for (Path jre : installs.map(p -> p.resolve("sra/jre")).collect(Collectors.toList())) {
                if (Files.isSymbolicLink(jre)) {
                    Files.delete(jre);
                }
            }
        }
    }

    private static String perlPath() {
        for (String dir : System.getenv("PATH").split(":")) {
            Path perl = Path.of(dir, "perl");
            if (Files.isExecutable(perl)) {
                return perl.toString();
            }
        }
        return "perl";
    }

    private static ProcessBuilder command(Path home, Path workDir, Path requestFile, Map<String, String> env)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(perlPath(), home.resolve("command.pl").toString())
                .directory(workDir.toFile())
                .redirectInput(requestFile.toFile())
                .redirectOutput(Files.createTempFile(root, "stdout", ".txt").toFile())
                .redirectError(Files.createTempFile(root, "stderr", ".txt").toFile());
        pb.environment().putAll(env);
        return pb;
    }

    private static Result perl(Path workDir, String request, Map<String, String> env) throws Exception {
        return perl(sra, workDir, request, env);
    }

    private static Result perl(Path home, Path workDir, String request, Map<String, String> env) throws Exception {
        Path requestFile = Files.writeString(Files.createTempFile(root, "request", ".xml"), request);
        ProcessBuilder pb = command(home, workDir, requestFile, env);
        Process process = pb.start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("command.pl finished").isTrue();
            return new Result(process.exitValue(), Files.readString(pb.redirectOutput().file().toPath()),
                    Files.readString(pb.redirectError().file().toPath()));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path case_(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static List<Path> files(Path home, String suffix) throws IOException {
        if (!Files.isDirectory(home.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home.resolve("cds"))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> archives() throws IOException {
        return files(sra, ".jsa");
    }

    /** Every process whose command line names the install folder (its java runs with sra/lib on -cp). */
    private static List<String> processesOf(Path home) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.collect(Collectors.toList())) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(home.toString())) {
                        found.add(proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }

    @Test
    @Order(1)
    @DisplayName("INV-1 perl command.pl < request runs the SRA from any working directory and exits 0; its JVM makes the startup archive, the next command publishes it")
    void runsFromAnyDirectory() throws Exception {
        Path dir = case_("first");
        Result r = perl(Files.createDirectories(root.resolve("elsewhere")), Requests.simple("queryInfo", dir), Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>")
                .contains("6f1c2a8e-4b7d-4e39-9a51-3c0d8e2f7b64");
        assertThat(r.stdout()).contains("] OpenSRA ").contains("Incoming request:");
        assertThat(archives()).isEmpty();
        assertThat(files(sra, ".tmp")).hasSize(1);
        assertThat(Files.size(files(sra, ".tmp").get(0))).isGreaterThan(4096);

        Path next = case_("publishes");
        Result published = perl(next, Requests.simple("queryInfo", next), Map.of());
        assertThat(published.exit()).as(published.stdout() + published.stderr()).isZero();
        assertThat(archives()).hasSize(1);
        assertThat(files(sra, ".tmp")).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("INV-1 the next run uses the archive (the JVM would refuse to start with -Xshare:on otherwise); the response is the same")
    void usesArchive() throws Exception {
        Path dir = case_("second");
        Result r = perl(dir, Requests.simple("queryErrorDefinitions", dir), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<ErrorDefinitions>");
        assertThat(archives()).hasSize(1);
    }

    @Test
    @Order(2)
    @DisplayName("INV-1 an archive whose record has only its size and time (copied, unpacked: the image's record) is checked once by the command that gets the lock, which records it with its change time and inode")
    void copiedArchiveCheckedOnce() throws Exception {
        Path archive = archives().get(0);
        Path record = archive.resolveSibling(archive.getFileName() + ".checked");
        String full = Files.readString(record);
        assertThat(full.trim().split(" ")).hasSize(4);
        String[] fields = full.trim().split(" ");
        Files.writeString(record, fields[0] + " " + fields[1] + "\n");
        Path dir = case_("copied");
        Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.readString(record).trim().split(" ")).hasSize(4).startsWith(fields[0], fields[1]);
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
    @DisplayName("INV-1 a corrupt archive that looks unchanged (same size and time) never makes a command fail, and is made again")
    void corruptArchiveSameTime() throws Exception {
        Path archive = archives().get(0);
        FileTime time = Files.getLastModifiedTime(archive);
        byte[] corrupted = corrupt(archive);
        Files.write(archive, corrupted);
        Files.setLastModifiedTime(archive, time);
        for (String name : List.of("corrupt-same-time", "after-corrupt-same-time")) {
            Path dir = case_(name);
            Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
            assertThat(r.stdout()).doesNotContain("fatal error");
        }
        assertThat(archives()).hasSize(1);
        assertThat(Files.readAllBytes(archives().get(0))).isNotEqualTo(corrupted);
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
        for (String name : List.of("corrupt-later", "after-corrupt")) {
            Path dir = case_(name);
            Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        }
        assertThat(archives()).hasSize(1);
        assertThat(Files.readAllBytes(archives().get(0))).isNotEqualTo(corrupted);
        Path again = case_("made-again");
        Result next = perl(again, Requests.simple("queryInfo", again), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
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
    @DisplayName("INV-1 only sra/jre runs the SRA: a java on PATH and in JAVA_HOME is never used, and with neither the command works")
    void bundledRuntimeOnly() throws Exception {
        Path marker = root.resolve("foreign-java-used");
        Path fakeBin = Files.createDirectories(root.resolve("fake-jdk/bin"));
        Path fakeJava = fakeBin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\ntouch '" + marker + "'\nexit 99\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fakes = case_("fake-java");
        Result r = perl(fakes, Requests.simple("queryInfo", fakes),
                Map.of("PATH", fakeBin.toString(), "JAVA_HOME", fakeBin.getParent().toString()));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(fakes.resolve("response.xml"))).contains("<AdapterInfo>");
        assertThat(marker).doesNotExist();

        Path none = case_("no-java");
        ProcessBuilder pb = command(sra, none, Files.writeString(root.resolve("no-java.xml"),
                Requests.simple("queryInfo", none)), Map.of());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", case_("empty-path").toString());
        Process process = pb.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(pb.redirectOutput().file().toPath())).isZero();
        assertThat(Files.readString(none.resolve("response.xml"))).contains("<AdapterInfo>");
    }

    @Test
    @Order(9)
    @DisplayName("INV-1 a missing or broken sra/jre gives one clear line on stdout and exit status 2, and no Java is looked for elsewhere")
    void missingRuntime() throws Exception {
        Path jre = sra.resolve("jre");
        Path aside = root.resolve("jre-aside");
        Files.move(jre, aside);
        try {
            Path dir = case_("no-jre");
            Result r = perl(dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.stdout()).isEqualTo("OpenSRA: the Java runtime of the SRA (" + jre
                    + ") is missing or broken; reinstall the SRA\n");
            assertThat(dir.resolve("response.xml")).doesNotExist();

            // broken: a java that is there, but no lib/modules and no JVM library beside it
            Path bin = Files.createDirectories(jre.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("java"), aside.resolve("bin/java"));
            Result broken = perl(dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(broken.exit()).isEqualTo(2);
            assertThat(broken.stdout()).contains("OpenSRA: the Java runtime of the SRA").contains("missing or broken");
        } finally {
            if (Files.isDirectory(jre, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(jre.resolve("bin/java"));
                Files.delete(jre.resolve("bin"));
                Files.delete(jre);
            }
            Files.move(aside, jre);
        }
    }

    @Test
    @Order(10)
    @DisplayName("INV-1 perl command.pl --make-archive makes the startup archive for the folder (one line, exit 0), keeps one that is up to date; commands use it")
    void makeArchive() throws Exception {
        Path home = TestInstall.create(root.resolve("install-made"));
        ProcessBuilder pb = command(home, case_("make"), Files.writeString(root.resolve("empty.xml"), ""), Map.of());
        pb.command().add("--make-archive");
        Process process = pb.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(pb.redirectOutput().file().toPath());
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).startsWith("OpenSRA: startup archive ").endsWith(" made\n");
        assertThat(files(home, ".jsa")).hasSize(1);
        assertThat(files(home, ".checked")).hasSize(1);
        try (Stream<Path> left = Files.list(home.resolve("cds"))) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("training")))
                    .as("training folder removed").isEmpty();
        }
        FileTime made = Files.getLastModifiedTime(files(home, ".jsa").get(0));
        Process again = pb.start();
        assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(Files.readString(pb.redirectOutput().file().toPath())).endsWith(" is up to date\n");
        assertThat(Files.getLastModifiedTime(files(home, ".jsa").get(0))).isEqualTo(made);
        Path dir = case_("made-used");
        Result r = perl(home, dir, Requests.simple("queryInfo", dir), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
    }

    @Test
    @Order(11)
    @DisplayName("INV-1 TOL-3 a SIGKILL of the process SRM started, at any instant of a first command (while its archive is made), leaves no process of the SRA behind; the next command succeeds and publishes a good archive")
    void killWhileArchiveIsMade() throws Exception {
        Path home = TestInstall.create(root.resolve("install-kill"));
        String perl = perlPath();
        // -1: killed while the JVM waits for its request (stdin still open); others: ms after stdin is closed,
        // from the request being read to the archive being written at exit
        long[] instants = {-1, 0, 60, 150, 300, 600, 1000};
        for (long instant : instants) {
            Path dir = case_("kill" + instant);
            ProcessBuilder pb = new ProcessBuilder(perl, home.resolve("command.pl").toString()).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = pb.start();
            try {
                if (instant < 0) {
                    // perl has exec'd: the one process of the SRA is the JVM, with the pid SRM started
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (processesOf(home).stream().noneMatch(p -> p.contains("SraMain")) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(processesOf(home)).as("the command's JVM").singleElement().asString()
                            .startsWith(process.pid() + ": " + home.resolve("jre/bin/java") + " ").contains("SraMain");
                } else {
                    process.getOutputStream().write(Requests.simple("queryInfo", dir).getBytes(StandardCharsets.UTF_8));
                    process.getOutputStream().close();
                    Thread.sleep(instant);
                }
            } finally {
                process.destroyForcibly(); // SIGKILL
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(processesOf(home)).as("processes of the SRA left after the kill at " + instant).isEmpty();
        }
        for (String name : List.of("after-kill", "after-kill-published")) {
            Path dir = case_(name);
            Result r = perl(home, dir, Requests.simple("queryInfo", dir), Map.of());
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(Files.readString(dir.resolve("response.xml"))).contains("<AdapterInfo>");
        }
        assertThat(files(home, ".jsa")).hasSize(1);
        Path dir = case_("after-kill-archive");
        Result r = perl(home, dir, Requests.simple("queryInfo", dir), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
    }

    @Test
    @Order(12)
    @DisplayName("INV-1 commands started together on a new folder all succeed: one makes the archive, none sees it half-written")
    void concurrentFirstCommands() throws Exception {
        Path home = TestInstall.create(root.resolve("install-concurrent"));
        for (int round = 0; round < 2; round++) {
            List<Process> processes = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path dir = case_("concurrent-" + round + "-" + i);
                dirs.add(dir);
                processes.add(command(home, dir, Files.writeString(dir.resolve("request.xml"),
                        Requests.simple("queryInfo", dir)), Map.of()).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                assertThat(processes.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
                assertThat(processes.get(i).exitValue()).isZero();
                assertThat(Files.readString(dirs.get(i).resolve("response.xml"))).contains("<AdapterInfo>");
            }
        }
        assertThat(files(home, ".jsa")).hasSize(1);
    }
}
