package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRA folder as built ({@code target/opensra/sra}): its own Java runtime (sra/jre, linked with
 * jlink), the startup archive the build made for it, and what {@code perl command.pl} does with them
 * (INV-1): no Java but sra/jre, a clear error without it, a corrupt archive never failing a command, and
 * no process of the SRA left after a SIGKILL of the one SRM started.
 */
class SraFolderIT {
    @TempDir
    Path tmp;

    @AfterEach
    void unlinkRuntimes() throws IOException {
        try (Stream<Path> copies = Files.list(tmp)) {
            for (Path jre : copies.map(p -> p.resolve("jre")).collect(Collectors.toList())) {
                if (Files.isSymbolicLink(jre)) {
                    Files.delete(jre);
                }
            }
        }
    }

    private static Path sra() {
        return Lab.home().resolve("sra");
    }

    private static String perl() {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, "perl"))) {
                return Path.of(dir, "perl").toString();
            }
        }
        return "perl";
    }

    private static String queryInfo(Path dir) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Command xmlns=\"http://www.vmware.com/srm/sra/v2\">\n"
                + "<Name>queryInfo</Name><OutputFile>" + dir.resolve("response.xml") + "</OutputFile>"
                + "<StatusFile>" + dir.resolve("status.xml") + "</StatusFile><LogLevel>verbose</LogLevel>"
                + "<LogDirectory>" + dir + "</LogDirectory></Command>\n";
    }

    record Result(int exit, String stdout, String stderr) {
    }

    /** perl HOME/command.pl ARGS < queryInfo, in a new folder under tmp, with these environment changes (null: removed). */
    private Result run(Path home, String name, Map<String, String> env, String... args) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<String> command = new ArrayList<>(List.of(perl(), home.resolve("command.pl").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(Files.writeString(dir.resolve("request.xml"), queryInfo(dir)).toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process process = pb.start();
        try {
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("command.pl finished").isTrue();
            return new Result(process.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                    Files.readString(dir.resolve("stderr.txt")));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String response(Path tmpDir, String name) throws IOException {
        Path response = tmpDir.resolve(name).resolve("response.xml");
        return Files.exists(response) ? Files.readString(response) : "";
    }

    private static List<Path> cds(Path home, String suffix) throws IOException {
        if (!Files.isDirectory(home.resolve("cds"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home.resolve("cds"))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    /** A copy of the SRA folder (command.pl, lib, conf) in tmp whose jre links to the built one; no archive. */
    private Path copy(String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(name));
        Files.copy(sra().resolve("command.pl"), copy.resolve("command.pl"));
        for (String folder : List.of("lib", "conf")) {
            Files.createDirectories(copy.resolve(folder));
            try (Stream<Path> files = Files.list(sra().resolve(folder))) {
                for (Path file : files.collect(Collectors.toList())) {
                    Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        Files.createSymbolicLink(copy.resolve("jre"), sra().resolve("jre").toRealPath());
        return copy;
    }

    /** Every process whose command line names the folder (its java runs with the folder's lib on -cp). */
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
                    if (cmdline.contains(home.toString() + "/")) {
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
    @DisplayName("INV-1 sra/jre is a runtime linked with only the command path's modules (no man pages, no headers), and the build made the folder's startup archive")
    void bundledRuntime() throws IOException {
        Path jre = sra().resolve("jre");
        String release = Files.readString(jre.resolve("release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        Set<String> linked = new TreeSet<>(Arrays.asList(modules.substring("MODULES=\"".length(), modules.length() - 1).split(" ")));
        assertThat(linked).containsExactlyInAnyOrder("java.base", "java.xml", "java.net.http", "jdk.crypto.ec");
        assertThat(jre.resolve("man")).doesNotExist();
        assertThat(jre.resolve("include")).doesNotExist();
        assertThat(jre.resolve("bin/java")).isExecutable();
        assertThat(jre.resolve("bin/javac")).doesNotExist();
        int feature = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
        assertThat(feature).isGreaterThanOrEqualTo(17);
        assertThat(cds(sra(), feature >= 24 ? ".aot" : ".jsa")).hasSize(1);
        assertThat(cds(sra(), ".checked")).hasSize(1);
    }

    @Test
    @DisplayName("INV-1 INFO-1 with PATH and JAVA_HOME stripped of java, queryInfo runs on sra/jre with the build's archive (the JVM is told to fail without it) and spins at most one method-handle class")
    void runsWithoutJavaOnPath() throws Exception {
        boolean aot = !cds(sra(), ".aot").isEmpty();
        Path classes = tmp.resolve("classes.txt");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Files.createDirectories(tmp.resolve("empty")).toString());
        env.put("JAVA_HOME", null);
        env.put("JAVA_TOOL_OPTIONS", (aot ? "-XX:AOTMode=on" : "-Xshare:on") + " -Xlog:class+load=info:file=" + classes);
        Result r = run(sra(), "no-java", env);
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(response(tmp, "no-java")).contains("<AdapterInfo>");
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("org.opensra.adapter.commands.QueryInfoCommand");
        // JDK 25's AOT cache holds the JDK's own method-handle classes too: none is spun there (JDK 17: one)
        assertThat(loaded.split("__JVM_LookupDefineClass__", -1).length - 1).as(loaded).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("INV-1 without sra/jre: one clear line on stdout, exit status 2, no other Java looked for")
    void missingRuntime() throws Exception {
        Path copy = copy("no-jre");
        Files.delete(copy.resolve("jre"));
        Result r = run(copy, "no-jre-run", Map.of());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stdout()).isEqualTo("OpenSRA: the Java runtime of the SRA (" + copy.resolve("jre")
                + ") is missing or broken; reinstall the SRA\n");
        assertThat(response(tmp, "no-jre-run")).isEmpty();
    }

    @Test
    @DisplayName("INV-1 --make-archive makes the archive for a folder; corrupted (same size and time) it never makes a command fail")
    void corruptArchive() throws Exception {
        Path copy = copy("corrupt");
        Result made = run(copy, "make", Map.of(), "--make-archive");
        assertThat(made.exit()).as(made.stdout()).isZero();
        assertThat(made.stdout()).startsWith("OpenSRA: startup archive ").endsWith(" made\n");
        List<Path> archives = new ArrayList<>(cds(copy, ".aot"));
        archives.addAll(cds(copy, ".jsa"));
        assertThat(archives).hasSize(1);
        Path archive = archives.get(0);
        FileTime time = Files.getLastModifiedTime(archive);
        archive.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 4096; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(archive, bytes);
        Files.setLastModifiedTime(archive, time);
        Result r = run(copy, "corrupt-run", Map.of());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(response(tmp, "corrupt-run")).contains("<AdapterInfo>");
    }

    @Test
    @DisplayName("INV-1 --make-archive jsa made twice gives the same bytes (the appliance image is reproducible), and its training ran a TLS handshake: the archive holds its classes")
    void staticArchiveIsReproducibleAndTrainedForTls() throws Exception {
        Path copy = copy("jsa");
        byte[] first = null;
        for (int round = 1; round <= 2; round++) {
            for (Path old : cds(copy, "")) {
                Files.delete(old);
            }
            Result made = run(copy, "jsa-" + round, Map.of(), "--make-archive", "jsa");
            assertThat(made.exit()).as(made.stdout() + made.stderr()).isZero();
            List<Path> archives = cds(copy, ".jsa");
            assertThat(archives).hasSize(1);
            byte[] bytes = Files.readAllBytes(archives.get(0));
            if (first == null) {
                first = bytes;
            } else {
                assertThat(bytes).as("the second archive's bytes").isEqualTo(first);
            }
        }
        List<String> command = new ArrayList<>(List.of(copy.resolve("jre/bin/java").toString(),
                "-XX:SharedArchiveFile=" + cds(copy, ".jsa").get(0), "-XX:+PrintSharedArchiveAndExit", "-cp"));
        try (Stream<Path> jars = Files.list(copy.resolve("lib"))) {
            command.add(jars.map(Path::toString).filter(j -> j.endsWith(".jar")).sorted()
                    .collect(Collectors.joining(":")));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(listing).as("the archive's classes").contains("sun.security.ssl.ClientHello")
                .contains("org.opensra.driver.embedded.json.JsonReader");
    }

    @Test
    @DisplayName("INV-1 TOL-3 a SIGKILL of the process SRM started, at several instants of the first command of a new folder (its JVM makes the archive), leaves no process of the SRA; the next commands succeed and publish the archive")
    void killWhileArchiveIsMade() throws Exception {
        Path copy = copy("kill");
        long[] instants = {-1, 0, 100, 250, 500, 900, 1500};
        for (long instant : instants) {
            Path dir = Files.createDirectories(tmp.resolve("kill-" + instant));
            Process process = new ProcessBuilder(perl(), copy.resolve("command.pl").toString()).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (instant < 0) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (processesOf(copy).stream().noneMatch(p -> p.contains("SraMain")) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(processesOf(copy)).as("perl has exec'd the JVM: the one process, with the pid SRM started")
                            .singleElement().asString().startsWith(process.pid() + ": " + copy.resolve("jre/bin/java") + " ");
                } else {
                    process.getOutputStream().write(queryInfo(dir).getBytes(StandardCharsets.UTF_8));
                    process.getOutputStream().close();
                    Thread.sleep(instant);
                }
            } finally {
                process.destroyForcibly(); // SIGKILL
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(processesOf(copy)).as("processes of the SRA after the kill at " + instant).isEmpty();
        }
        for (String name : List.of("after-kill", "after-kill-2")) {
            Result r = run(copy, name, Map.of());
            assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
            assertThat(response(tmp, name)).contains("<AdapterInfo>");
        }
        assertThat(cds(copy, ".jsa")).hasSize(1);
        Result r = run(copy, "after-kill-archive", Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
    }
}
