package org.opensra.adapter.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.DriverLocator;
import org.opensra.adapter.Progress;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.Envelope;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Request;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverDescription;

/** In-process command contexts for handler tests: log captured in memory, a given driver. */
public final class Contexts {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Path installDir;

    public Contexts(Path installDir) {
        this.installDir = installDir;
    }

    public static Request request(String name, CommandParameters parameters) {
        return new Request(Envelope.of(name, "out.xml", null, "trivia", null), List.of(), parameters);
    }

    public CommandContext context(Request request, DriverDescription description) {
        return context(request, factory(description));
    }

    public CommandContext context(Request request, ArrayDriverFactory factory) {
        SraLog log = SraLog.stdoutOnly(LogLevel.TRIVIA, logged);
        DriverLocator anyName = (name, l) -> factory;
        return new CommandContext(request, log, new Progress(null, log), installDir, anyName);
    }

    public String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    public static ArrayDriverFactory factory(DriverDescription description) {
        return new ArrayDriverFactory() {
            @Override
            public String name() {
                return "described";
            }

            @Override
            public DriverDescription description() {
                return description;
            }

            @Override
            public org.opensra.spi.ArrayDriver open(ConnectionValues connection) {
                throw new UnsupportedOperationException("no sessions in this test");
            }
        };
    }
}
