package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OutputFile is never half-written (INV-3). */
class ResponseFileTest {
    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.count();
        }
    }

    @Test
    @DisplayName("INV-3 the OutputFile is written whole and no temporary file is left")
    void writes() throws Exception {
        Path out = dir.resolve("response.xml");
        ResponseFile.write(out, "<Response/>".getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasContent("<Response/>");
        assertThat(files()).isEqualTo(1);
        ResponseFile.write(out, "<Response>2</Response>".getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasContent("<Response>2</Response>");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    @DisplayName("INV-3 the OutputFile's permissions follow the umask like any file SRM reads (not owner-only); a "
            + "leftover temporary file of a killed run with the same pid is replaced")
    void permissionsFollowUmask() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path out = dir.resolve("response.xml");
        Files.writeString(dir.resolve(".response.xml." + org.opensra.adapter.log.ProcessId.current() + ".tmp"), "stale");
        ResponseFile.write(out, "<Response/>".getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasContent("<Response/>");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        assertThat(files()).isEqualTo(2);
    }

    @Test
    @DisplayName("INV-3 a write failing half-way leaves no OutputFile (or the previous one), and no temporary file")
    void failureHalfWay() throws Exception {
        Path out = dir.resolve("response.xml");
        ResponseFile.TempWriter halfThenFail = (temp, bytes) -> {
            try (OutputStream o = Files.newOutputStream(temp)) {
                o.write(bytes, 0, bytes.length / 2);
            }
            // what the target looks like at this instant is what a kill would leave
            assertThat(out).doesNotExist();
            throw new IOException("disk full");
        };
        assertThatThrownBy(() -> ResponseFile.write(out, "<Response>complete</Response>".getBytes(StandardCharsets.UTF_8),
                halfThenFail)).hasMessage("disk full");
        assertThat(out).doesNotExist();
        assertThat(files()).isZero();

        Files.writeString(out, "<Response>previous</Response>");
        assertThatThrownBy(() -> ResponseFile.write(out, "<Response>new</Response>".getBytes(StandardCharsets.UTF_8),
                (temp, bytes) -> {
                    Files.write(temp, bytes, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                    assertThat(out).hasContent("<Response>previous</Response>");
                    throw new IOException("killed");
                })).hasMessage("killed");
        assertThat(out).hasContent("<Response>previous</Response>");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    @DisplayName("INV-3 replacing the OutputFile does not write into the old file's data (a hard link to it keeps its content)")
    void replacesNotOverwrites() throws Exception {
        Path out = dir.resolve("response.xml");
        Files.writeString(out, "old");
        Path link = dir.resolve("link");
        try {
            Files.createLink(link, out);
        } catch (UnsupportedOperationException | IOException e) {
            return; // file system without hard links: nothing to show
        }
        ResponseFile.write(out, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasContent("new");
        assertThat(link).hasContent("old");
    }
}
