package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.protocol.params.FailoverParameters;
import org.opensra.protocol.params.TargetDeviceRequest;
import org.opensra.protocol.params.TargetGroupRequest;
import org.w3c.dom.Element;

/** The real command.pl against an array that accepts connections and never answers (INV-3, RESP-1). */
class CommandDeadlineIT {
    @TempDir
    Path work;

    @Test
    @DisplayName("INV-3 RESP-1 with command.deadlineSeconds=3 a failover against a never-answering array ends in seconds with error 1019 for every item")
    void neverAnsweringArray() throws Exception {
        Path sra = copyOfSra("command.deadlineSeconds=3\n");
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-array");
            acceptor.setDaemon(true);
            acceptor.start();
            Sra.Run run = new Sra(sra, work.resolve("runs")).run("failover",
                    new FailoverParameters("array-b", List.of(), List.of(TargetGroupRequest.of("tg1")),
                            List.of(TargetDeviceRequest.of("r1"), TargetDeviceRequest.of("r2"))),
                    Sra.connection("127.0.0.1:" + silent.getLocalPort(), "admin", "pw-never-logged", Map.of()));
            assertThat(run.exit()).isZero();
            assertThat(run.response().topError()).isEmpty();
            List<Element> items = Stream.concat(run.response().all("TargetGroup").stream(),
                    run.response().all("TargetDevice").stream()).toList();
            assertThat(items).extracting(e -> e.getAttribute("key")).containsExactly("tg1", "r1", "r2");
            assertThat(items).allSatisfy(e -> assertThat(Xml.errorCode(e)).isEqualTo(Optional.of("1019")));
            // well before SRM's 300 s: the deadline plus JVM start, with room for a loaded machine
            assertThat(run.millis()).isLessThan(60_000);
            assertThat(run.stdout() + run.stderr()).doesNotContain("pw-never-logged").doesNotContain("\tat ");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private Path copyOfSra(String config) throws IOException {
        Path copy = work.resolve("sra");
        Path source = Lab.home().resolve("sra");
        Files.createDirectories(copy.resolve("lib"));
        Files.createDirectories(copy.resolve("conf"));
        Files.copy(source.resolve("command.pl"), copy.resolve("command.pl"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> jars = Files.list(source.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, copy.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(copy.resolve("conf/opensra.properties"), "driver=embedded\n" + config);
        Files.createSymbolicLink(copy.resolve("jre"), source.resolve("jre").toRealPath()); // the bundled runtime
        return copy;
    }
}
