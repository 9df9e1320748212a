package org.opensra.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Envelope;
import org.opensra.protocol.Request;
import org.opensra.protocol.RequestWriter;
import org.opensra.protocol.params.CommandParameters;

/**
 * Runs the real {@code perl <sra>/command.pl < request.xml} with a request written like SRM's
 * (envelope, Connections with the site's address, user and password) and reads the OutputFile.
 */
final class Sra {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    record Run(String command, int exit, String stdout, String stderr, Xml response, long millis) {
        /** The response, after checking the command did not fail as a whole. */
        Xml ok() {
            if (response.topError().isPresent()) {
                throw new AssertionError(command + " failed with error " + response.topError().get() + "\n"
                        + response + "\nlog:\n" + stdout);
            }
            return response;
        }
    }

    private final Path sraHome;
    private final Path work;

    Sra(Path sraHome, Path work) {
        this.sraHome = sraHome;
        this.work = work;
    }

    Path sraHome() {
        return sraHome;
    }

    static Connection connection(Lab.Site site) {
        return connection(site.address(), site.sraUser(), site.sraPassword(), site.pinned(Map.of()));
    }

    static Connection connection(String address, String user, String password, Map<String, String> opaques) {
        return new Connection("array", Map.of("managementAddress", address), Optional.of(user), Optional.of(password),
                opaques);
    }

    Run run(String command, CommandParameters parameters, Connection connection) {
        return run(command, parameters, List.of(connection));
    }

    Run run(String command, CommandParameters parameters, List<Connection> connections) {
        try {
            Path dir = work.resolve(command + "-" + SEQUENCE.incrementAndGet());
            Files.createDirectories(dir);
            Path output = dir.resolve("response.xml");
            Envelope envelope = Envelope.of(command, output.toString(), dir.resolve("status.xml").toString(), "verbose",
                    dir.toString());
            byte[] request = RequestWriter.toBytes(new Request(envelope, connections, parameters));
            Proc.Result r = Proc.run(List.of("perl", sraHome.resolve("command.pl").toString()), request,
                    Duration.ofSeconds(300), dir);
            if (!Files.exists(output)) {
                throw new AssertionError(command + ": no response written (exit " + r.exit() + ")\nstdout: "
                        + r.stdout() + "\nstderr: " + r.stderr());
            }
            return new Run(command, r.exit(), r.stdout(), r.stderr(), Xml.parse(Files.readAllBytes(output)), r.millis());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
