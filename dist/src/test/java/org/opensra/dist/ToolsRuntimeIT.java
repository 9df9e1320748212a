package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java runtime bin/sra-array and bin/srm-emulator run on (issue 12: the daemons' TLS throughput depends on
 * the JDK): the distribution's own jre/, linked at build time from the newest JDK on the machine, whatever
 * JAVA_HOME and PATH say; OPENSRA_JAVA_HOME overrides it; JAVA_HOME's java only when the distribution has no
 * jre/; a broken jre/ is one line on stderr, never a stack trace and never another Java.
 */
class ToolsRuntimeIT {
    @TempDir
    Path tmp;

    /** The distribution as the build made it (its real path: what the tools see as their home). */
    private static Path home() {
        try {
            return Lab.home().toRealPath();
        } catch (IOException e) {
            throw new AssertionError("no distribution at " + Lab.home(), e);
        }
    }

    /** The Java of the JVM running this test: a JDK other than jre/, for JAVA_HOME and OPENSRA_JAVA_HOME. */
    private static Path testJava() throws IOException {
        return Path.of(System.getProperty("java.home")).toRealPath();
    }

    /** Runs a command with JAVA_HOME and PATH's first java pointing at the test's JDK, plus extra variables. */
    private Proc.Result run(List<String> command, Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("OPENSRA_JAVA_HOME");
        env.put("JAVA_HOME", testJava().toString());
        env.put("PATH", testJava().resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.putAll(extra);
        List<String> withEnv = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        env.forEach((k, v) -> withEnv.add(k + "=" + v));
        withEnv.addAll(command);
        return Proc.run(withEnv, null, Duration.ofSeconds(120), tmp.resolve("scratch"));
    }

    /** The distribution's bin/ scripts in a folder of their own, with lib/ linked and jre/ as the test makes it. */
    private Path copyOfDistribution(String name) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy.resolve("bin"));
        for (String script : List.of("sra-array", "srm-emulator")) {
            Files.copy(home().resolve("bin").resolve(script), copy.resolve("bin").resolve(script));
        }
        Files.createSymbolicLink(copy.resolve("lib"), home().resolve("lib"));
        return copy;
    }

    private static String javaVersionOf(Path runtime) throws IOException {
        for (String line : Files.readAllLines(runtime.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        }
        throw new AssertionError("no JAVA_VERSION in " + runtime.resolve("release"));
    }

    @Test
    @DisplayName("issue 12: the build links jre/ from a JDK >= 17 with the daemon's modules (TLS with EC keys, SQLite's java.sql, the HTTP server)")
    void bundledRuntimeIsLinked() throws IOException {
        Path jre = home().resolve("jre");
        assertThat(jre.resolve("bin/java")).isExecutable();
        assertThat(jre.resolve("bin/keytool")).as("the daemon makes its TLS key with its runtime's keytool").isExecutable();
        assertThat(Integer.parseInt(javaVersionOf(jre).split("\\.")[0])).isGreaterThanOrEqualTo(17);
        String modules = "";
        for (String line : Files.readAllLines(jre.resolve("release"))) {
            if (line.startsWith("MODULES=")) {
                modules = " " + line.substring("MODULES=".length()).replace("\"", "") + " ";
            }
        }
        for (String module : List.of("java.base", "java.sql", "java.net.http", "jdk.crypto.ec", "jdk.httpserver",
                "jdk.net", "jdk.unsupported")) {
            assertThat(modules).as("jre/release MODULES").contains(" " + module + " ");
        }
        assertThat(home().resolve("sra/jre")).as("the SRA keeps its own runtime").isDirectory();
    }

    @Test
    @DisplayName("issue 12: sra-array and srm-emulator run on the distribution's jre/ although JAVA_HOME and PATH name another JDK")
    void toolsRunOnBundledRuntime() throws IOException {
        Path jre = home().resolve("jre");
        String expected = "Java " + javaVersionOf(jre) + " (" + jre + ")";
        Proc.Result array = run(List.of(home().resolve("bin/sra-array").toString(), "--version"), Map.of())
                .requireOk("sra-array --version");
        assertThat(array.stdout().lines()).containsExactly("sra-array 0.1.0", expected);
        assertThat(array.stderr()).isEmpty();
        Proc.Result emulator = run(List.of(home().resolve("bin/srm-emulator").toString(), "--version"), Map.of())
                .requireOk("srm-emulator --version");
        assertThat(emulator.stdout().lines()).containsExactly("srm-emulator 0.1.0", expected);
    }

    @Test
    @DisplayName("issue 12: the lab's daemons (sra-array lab up, what ./sra-lab up and srm-emulator demo run) are processes of jre/bin/java and say so in their logs, without warnings")
    void labDaemonsRunOnBundledRuntime() throws Exception {
        Path lab = tmp.resolve("lab");
        Path sraArray = home().resolve("bin/sra-array");
        try {
            run(List.of(sraArray.toString(), "lab", "up", "--dir", lab.toString()), Map.of()).requireOk("lab up");
            Path jre = home().resolve("jre");
            for (String site : List.of("A", "B")) {
                String ready = Files.readString(lab.resolve(site).resolve("daemon.ready"));
                long pid = Long.parseLong(ready.replaceAll("(?s).*\"pid\"\\s*:\\s*(\\d+).*", "$1"));
                assertThat(Path.of("/proc", Long.toString(pid), "exe").toRealPath())
                        .as("site " + site + "'s daemon executable").isEqualTo(jre.resolve("bin/java"));
                String log = Files.readString(lab.resolve(site).resolve("daemon.log"));
                assertThat(log).contains("Java runtime: " + javaVersionOf(jre) + " (" + jre + ")\n");
                assertThat(log).as("site " + site + "'s daemon log").doesNotContain("WARNING: A restricted method");
            }
        } finally {
            run(List.of(sraArray.toString(), "lab", "down", "--dir", lab.toString()), Map.of());
        }
    }

    @Test
    @DisplayName("issue 12: OPENSRA_JAVA_HOME runs the tools on another Java (bench/array's comparison with JDK 17)")
    void overrideRunsAnotherJava() throws IOException {
        Proc.Result r = run(List.of(home().resolve("bin/sra-array").toString(), "--version"),
                Map.of("OPENSRA_JAVA_HOME", testJava().toString())).requireOk("sra-array --version");
        assertThat(r.stdout().lines()).contains("Java " + System.getProperty("java.version") + " (" + testJava() + ")");
    }

    @Test
    @DisplayName("issue 12: a distribution without jre/ falls back to JAVA_HOME's java")
    void withoutBundledRuntimeJavaHome() throws IOException {
        Path copy = copyOfDistribution("no-jre");
        Proc.Result r = run(List.of(copy.resolve("bin/sra-array").toString(), "--version"), Map.of())
                .requireOk("sra-array --version");
        assertThat(r.stdout().lines()).contains("Java " + System.getProperty("java.version") + " (" + testJava() + ")");
    }

    @Test
    @DisplayName("issue 12: a broken jre/ (no bin/java, or no lib/modules) is one clear line and exit 1 from both tools, no stack trace, no other Java")
    void brokenBundledRuntime() throws IOException {
        Path copy = copyOfDistribution("broken-jre");
        Path jre = copy.resolve("jre");
        Files.createDirectories(jre.resolve("lib/server"));
        Files.writeString(jre.resolve("lib/modules"), "");
        Files.writeString(jre.resolve("lib/server/libjvm.so"), "");
        String expected = " the bundled Java runtime " + jre + " is not usable (bin/java, lib/modules or lib/server/libjvm.so"
                + " missing); rebuild the distribution (mvn -B package -DskipTests)\n";
        for (String tool : List.of("sra-array", "srm-emulator")) {
            Proc.Result r = run(List.of(copy.resolve("bin").resolve(tool).toString(), "--version"), Map.of());
            assertThat(r.exit()).as(tool + " exit").isEqualTo(1);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).isEqualTo(tool + ":" + expected);
        }
        Files.createDirectories(jre.resolve("bin"));
        Files.copy(home().resolve("jre/bin/java"), jre.resolve("bin/java"));
        Files.delete(jre.resolve("lib/modules"));
        Proc.Result r = run(List.of(copy.resolve("bin/sra-array").toString(), "serve", "--data", tmp.resolve("data").toString()),
                Map.of());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("sra-array:" + expected);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    @DisplayName("issue 12: an OPENSRA_JAVA_HOME that is no Java runtime is one clear line and exit 1")
    void brokenOverride() throws IOException {
        Path nothing = tmp.resolve("no-java");
        Files.createDirectories(nothing);
        Proc.Result r = run(List.of(home().resolve("bin/sra-array").toString(), "--version"),
                Map.of("OPENSRA_JAVA_HOME", nothing.toString()));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("sra-array: OPENSRA_JAVA_HOME " + nothing + " is not usable (bin/java,"
                + " lib/modules or lib/server/libjvm.so missing)\n");
    }
}
