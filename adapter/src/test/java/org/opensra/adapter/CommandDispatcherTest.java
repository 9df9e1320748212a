package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.testing.Contexts;
import org.opensra.adapter.testing.TestDrivers;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Envelope;
import org.opensra.protocol.Message;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.params.DiscoverArraysParameters;
import org.opensra.protocol.params.UnsupportedCommandParameters;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;

class CommandDispatcherTest {
    @TempDir
    Path install;

    private Response dispatch(CommandRegistry registry, Request request) {
        return new CommandDispatcher(registry).dispatch(request,
                new Contexts(install).context(request, TestDrivers.description(
                        java.util.Set.of(Feature.CONSISTENCY_GROUPS), ExecutionModel.defaults())));
    }

    private static Request discoverArrays() {
        Connection c = new Connection("array", java.util.Map.of("managementAddress", "127.0.0.1:1"),
                Optional.of("admin"), Optional.of("pa55word"), java.util.Map.of());
        return new Request(Envelope.of("discoverArrays", "o.xml", null, "verbose", null), List.of(c),
                new DiscoverArraysParameters());
    }

    @Test
    @DisplayName("INV-6 an unknown command name is error 100 with the <Command> placeholder")
    void unknownCommand() {
        Request request = new Request(Envelope.of("frobnicate", "o.xml", null, "verbose", null), List.of(),
                new UnsupportedCommandParameters("frobnicate"));
        assertThat(dispatch(new CommandRegistry(), request))
                .isEqualTo(Response.error(Message.predefined(100, "Command", "frobnicate")));
    }

    @Test
    @DisplayName("INV-6 a known command without a handler is error 100")
    void unregisteredCommand() {
        assertThat(dispatch(new CommandRegistry(), discoverArrays()))
                .isEqualTo(Response.error(Message.predefined(100, "Command", "discoverArrays")));
    }

    @Test
    @DisplayName("INV-6 a command whose Feature the driver lacks is error 100")
    void missingFeature() {
        CommandRegistry registry = new CommandRegistry().register(CommandName.DISCOVER_ARRAYS, new CommandHandler() {
            @Override
            public Response handle(Request request, CommandContext context) {
                throw new AssertionError("must not run");
            }

            @Override
            public Optional<Feature> requiredFeature() {
                return Optional.of(Feature.SYNC);
            }
        });
        assertThat(dispatch(registry, discoverArrays()))
                .isEqualTo(Response.error(Message.predefined(100, "Command", "discoverArrays")));
    }

    @Test
    @DisplayName("ERR-4 a handler's SraException is the response's single Error")
    void handlerError() {
        CommandRegistry registry = new CommandRegistry().register(CommandName.DISCOVER_ARRAYS, (r, c) -> {
            throw new SraException(c.errors().error(ErrorCodes.ARRAY_UNREACHABLE, "127.0.0.1:1"), "down");
        });
        assertThat(dispatch(registry, discoverArrays()))
                .isEqualTo(Response.error(Message.predefined(1001, "Address", "127.0.0.1:1")));
    }

    @Test
    @DisplayName("SEC-1 ERR-5 an unexpected exception is error 1000 whose reason has credentials masked")
    void internalError() {
        CommandRegistry registry = new CommandRegistry().register(CommandName.DISCOVER_ARRAYS, (r, c) -> {
            throw new IllegalStateException("login admin/pa55word failed");
        });
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        org.opensra.adapter.log.SraLog log = org.opensra.adapter.log.SraLog.open(org.opensra.protocol.LogLevel.TRIVIA,
                null, stdout, org.opensra.adapter.log.CredentialScrubber.of(List.of("admin", "pa55word")));
        Request request = discoverArrays();
        Response response = new CommandDispatcher(registry).dispatch(request, new CommandContext(request, log,
                new Progress(null, log), install, (name, l) -> Contexts.factory(TestDrivers.embeddedLike())));
        Message.Predefined error = (Message.Predefined) ((Response.Failed) response).error();
        assertThat(error.code()).isEqualTo(1000);
        assertThat(error.value("Reason")).hasValue("IllegalStateException: login ********/******** failed");
        String logged = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain("pa55word").contains("at org.opensra.adapter.CommandDispatcherTest");
    }
}
