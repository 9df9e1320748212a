package org.opensra.adapter;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.adapter.config.InstallFolder;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.log.CredentialScrubber;
import org.opensra.adapter.log.FileProblem;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.Connection;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.ProtocolException;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.RequestLog;
import org.opensra.protocol.RequestParser;
import org.opensra.protocol.ResponseWriter;

/**
 * What command.pl runs: reads the request from stdin, opens the log, runs the command and writes the
 * response to the request's OutputFile (INV-1..INV-5). Exit status 0 when a response was written, even
 * an Error response; otherwise 1 with a one-line message on stdout (TOL-3). Never a stack trace on
 * stdout: those go to the log at trivia level only.
 */
public final class SraMain {
    /** Exit status when no response could be written. */
    public static final int NO_RESPONSE = 1;
    private static final LogLevel DEFAULT_LEVEL = LogLevel.VERBOSE;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final Path installDir;
    private final CommandRegistry registry;
    private final DriverLocator drivers;

    public SraMain(InputStream stdin, OutputStream stdout, Path installDir, CommandRegistry registry,
                   DriverLocator drivers) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.installDir = installDir;
        this.registry = registry;
        this.drivers = drivers;
    }

    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        SraMain sra = new SraMain(System.in, stdout, InstallFolder.locate(), CommandRegistry.standard(),
                new ServiceLoaderDriverLocator(SraMain.class.getClassLoader()));
        int status;
        try {
            status = sra.run();
        } catch (Throwable e) { // e.g. OutOfMemoryError: still one line, never a stack trace
            status = sra.noResponse("internal error " + e.getClass().getSimpleName());
        }
        System.exit(status);
    }

    /** Runs one command; returns the process exit status. */
    public int run() {
        byte[] raw;
        try {
            raw = stdin.readAllBytes();
        } catch (IOException e) {
            return noResponse("cannot read the request from stdin: " + e.getMessage());
        }
        Request request;
        try {
            request = RequestParser.parse(raw);
        } catch (ProtocolException e) {
            return malformed(raw, e);
        } catch (RuntimeException e) {
            return malformed(raw, new ProtocolException("unreadable request: " + e.getClass().getSimpleName()));
        }
        return execute(raw, request);
    }

    private int execute(byte[] raw, Request request) {
        Optional<LogLevel> level = request.envelope().level();
        CredentialScrubber scrubber = CredentialScrubber.of(credentials(request));
        try (SraLog log = SraLog.open(level.orElse(DEFAULT_LEVEL),
                request.envelope().logDirectory().orElse(null), stdout, scrubber)) {
            try {
                logStart(log, raw);
                if (level.isEmpty()) {
                    Optional<String> given = request.envelope().logLevel();
                    log.warning("LogLevel " + (given.isPresent() ? SraLog.quote(given.get()) : "(missing)")
                            + " is not one of trivia, verbose, info, warning, error; using " + DEFAULT_LEVEL);
                }
                Progress progress = new Progress(request.envelope().statusFile().orElse(null), log);
                progress.report(0);
                CommandContext context = new CommandContext(request, log, progress, installDir, drivers);
                Response response = new CommandDispatcher(registry).dispatch(request, context);
                logOutcome(log, request.envelope().name(), response);
                if (!writeResponse(log, request.envelope().outputFile(), response)) {
                    return NO_RESPONSE;
                }
                progress.report(100);
                return 0;
            } catch (RuntimeException | LinkageError e) {
                log.failure("Internal error: " + e, e);
                Response response = Response.error(ErrorCatalogue.standard().internal(
                        log.scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
                return writeResponse(log, request.envelope().outputFile(), response) ? 0 : NO_RESPONSE;
            }
        }
    }

    /** TOL-3: an Error response when the OutputFile could be read, else a one-line message and exit 1. */
    private int malformed(byte[] raw, ProtocolException problem) {
        SraLog log = SraLog.stdoutOnly(DEFAULT_LEVEL, stdout);
        logStart(log, raw);
        log.error("Malformed request: " + problem.getMessage());
        Optional<String> outputFile = problem.outputFile();
        if (outputFile.isEmpty()) {
            return noResponse("malformed request and no OutputFile to answer in: " + problem.getMessage());
        }
        Response response = Response.error(
                ErrorCatalogue.standard().error(ErrorCodes.MALFORMED_REQUEST, problem.getMessage()));
        return writeResponse(log, outputFile.get(), response) ? 0 : NO_RESPONSE;
    }

    private static void logStart(SraLog log, byte[] raw) {
        log.always(ReleaseInfo.load().signature());
        log.info("Incoming request:\n" + RequestLog.indentMasked(raw));
    }

    private static void logOutcome(SraLog log, String name, Response response) {
        if (response instanceof Response.Failed) {
            log.error("Command " + name + " failed: "
                    + ErrorCatalogue.standard().describe(((Response.Failed) response).error()));
        } else {
            Response.Completed completed = (Response.Completed) response;
            log.info("Command " + name + " completed" + (completed.warnings().isEmpty() ? ""
                    : " with " + completed.warnings().size() + " warning(s)"));
        }
    }

    private boolean writeResponse(SraLog log, String outputFile, Response response) {
        String file = outputFile == null ? "" : outputFile.strip();
        try {
            byte[] bytes = ResponseWriter.toBytes(response);
            Files.write(Path.of(file), bytes);
            log.verbose("Response written to " + SraLog.quote(file));
            if (log.enabled(LogLevel.TRIVIA)) {
                log.trivia("Response:\n" + new String(bytes, StandardCharsets.UTF_8));
            }
            return true;
        } catch (IOException | InvalidPathException | SecurityException e) {
            log.error("Cannot write the response to " + SraLog.quote(file) + ": " + FileProblem.describe(e));
            noResponse("cannot write the response to " + SraLog.quote(file) + ": " + FileProblem.describe(e));
            return false;
        }
    }

    /** The one line on stdout when no response can be written (TOL-3); returns the exit status. */
    private int noResponse(String why) {
        try {
            stdout.write(("OpenSRA: " + why.replace('\n', ' ').replace('\r', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (IOException e) {
            // stdout is gone too: the exit status is all SRM gets
        }
        return NO_RESPONSE;
    }

    private static List<String> credentials(Request request) {
        List<String> values = new ArrayList<>();
        for (Connection c : request.connections()) {
            if (c.username().isPresent()) {
                values.add(c.username().get());
            }
            if (c.password().isPresent()) {
                values.add(c.password().get());
            }
        }
        return values;
    }
}
