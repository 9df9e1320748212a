package org.opensra.array;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.daemon.ArrayDaemon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One daemon per data folder (issue 18): a second one is refused at once and leaves nothing running. */
class DataFolderLockTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("issue 18: a second daemon on the same data folder (same JVM) is refused naming the folder; the lock goes with the first")
    void secondDaemonInProcessRefused() throws Exception {
        Path data = tmp.resolve("a");
        try (ArrayDaemon first = TwoArrays.start("array-a", data, 0, TwoArrays.PASS_A)) {
            assertThatThrownBy(() -> TwoArrays.start("array-a", data, 0, TwoArrays.PASS_A))
                .isInstanceOf(ArrayException.class)
                .hasMessageContaining(data.toAbsolutePath().toString())
                .hasMessageContaining("in use by another array daemon");
            // the first one is unharmed
            new TestApi(first.addressString(), TwoArrays.USER, TwoArrays.PASS_A).get("/api/v1/array").ok();
        }
        try (ArrayDaemon again = TwoArrays.start("array-a", data, 0, TwoArrays.PASS_A)) {
            assertThat(again.addressString()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("issue 18: sra-array serve on a folder in use exits 1 at once with one line naming the folder, no process left")
    void secondDaemonProcessExits() throws Exception {
        Path data = tmp.resolve("a");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, TwoArrays.PASS_A + "\n");
        try (ArrayDaemon first = TwoArrays.start("array-a", data, 0, TwoArrays.PASS_A)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.opensra.array.ArrayMain", "serve", "--array-id", "array-a",
                "--data", data.toString(), "--listen", "127.0.0.1:0", "--user", TwoArrays.USER, "--password-file",
                pw.toString())).redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile()).start();
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the second daemon exits by itself").isTrue();
                assertThat(p.exitValue()).isEqualTo(1);
                assertThat(p.descendants().count()).isZero();
                List<String> err = Files.readAllLines(tmp.resolve("err"), StandardCharsets.UTF_8);
                assertThat(err).hasSize(1);
                assertThat(err.get(0)).startsWith("sra-array: data folder ").contains(data.toAbsolutePath().toString());
                assertThat(Files.readString(tmp.resolve("out"))).doesNotContain("listening");
            } finally {
                p.destroyForcibly();
            }
            new TestApi(first.addressString(), TwoArrays.USER, TwoArrays.PASS_A).get("/api/v1/array").ok();
        }
    }
}
