package org.opensra.adapter;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensra.adapter.config.AdapterConfig;
import org.opensra.adapter.config.CommandLimits;
import org.opensra.adapter.config.ConfigException;
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
import org.opensra.spi.Deadline;

/**
 * What command.pl runs: reads the request from stdin, opens the log, runs the command and writes the
 * response to the request's OutputFile (INV-1..INV-5). Exit status 0 when a response was written, even
 * an Error response; otherwise 1 with a one-line message on stdout (TOL-3). Never a stack trace on
 * stdout: those go to the log at trivia level only; any Throwable of a command (OutOfMemoryError,
 * StackOverflowError included) ends in an Error response, or failing that in the one line.
 *
 * <p>SRM kills the SRA at its timeout, so every command runs under the deadline of
 * {@link CommandLimits} (INV-3), counted from the start: the driver session is bounded by it, and should
 * a driver ignore it, the SRA still answers {@link #graceMillis a grace period} later with error 1019.
 * A heartbeat repeats the progress to the StatusFile meanwhile (INV-4). The OutputFile is written
 * atomically ({@link ResponseFile}); the request on stdin is read up to a size cap (TOL-3). The
 * configuration is read only when a command needs it (it runs longer than {@link #QUICK_MILLIS}, or
 * its request is larger than {@link #QUICK_REQUEST_BYTES}): queryInfo stays lean.
 */
public final class SraMain {
    /** Exit status when no response could be written. */
    public static final int NO_RESPONSE = 1;
    private static final LogLevel DEFAULT_LEVEL = LogLevel.VERBOSE;
    /**
     * Commands done within this time never read the limits (nor start the heartbeat). The image build's
     * training run sets it high ({@code -Dopensra.quickMillis}), so that this thread stays in its wait while
     * the command runs and loads no class beside it: the startup archive it makes is then the same bytes on
     * every build.
     */
    static final long QUICK_MILLIS = Long.getLong("opensra.quickMillis", 500);
    /** Requests up to this size are read without the configured cap. */
    static final long QUICK_REQUEST_BYTES = CommandLimits.MIN_MAX_REQUEST_BYTES;

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
        ArchiveTraining.runIfAsked(SraMain.class.getClassLoader());
        System.exit(status);
    }

    /** Runs one command; returns the process exit status. */
    public int run() {
        long start = System.nanoTime();
        byte[] raw;
        try {
            RequestInput input = new RequestInput(stdin);
            if (!input.readUpTo(QUICK_REQUEST_BYTES)) {
                long max = limits().maxRequestBytes();
                if (!input.readUpTo(max)) {
                    return noResponse("the request on stdin is larger than " + max + " bytes ("
                            + CommandLimits.MAX_REQUEST_KEY + " in " + AdapterConfig.RELATIVE_PATH + ")");
                }
            }
            raw = input.bytes();
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
        return execute(raw, request, start);
    }

    /** The limits of the SRA's configuration; an unreadable file means the defaults (the driver lookup reports it). */
    private CommandLimits limits() {
        try {
            return CommandLimits.from(AdapterConfig.load(installDir).properties());
        } catch (ConfigException | RuntimeException e) {
            return CommandLimits.defaults();
        }
    }

    private int execute(byte[] raw, Request request, long start) {
        Optional<LogLevel> level = request.envelope().level();
        CredentialScrubber scrubber = CredentialScrubber.of(credentials(request));
        try (SraLog log = SraLog.open(level.orElse(DEFAULT_LEVEL),
                request.envelope().logDirectory().orElse(null), stdout, scrubber);
             Progress progress = new Progress(request.envelope().statusFile().orElse(null), log)) {
            try {
                logStart(log, raw);
                if (level.isEmpty()) {
                    Optional<String> given = request.envelope().logLevel();
                    log.warning("LogLevel " + (given.isPresent() ? SraLog.quote(given.get()) : "(missing)")
                            + " is not one of trivia, verbose, info, warning, error; using " + DEFAULT_LEVEL);
                }
                progress.report(0);
                CommandContext context = new CommandContext(request, log, progress, installDir, drivers, start);
                Response response = dispatchBounded(request, context, progress);
                logOutcome(log, request.envelope().name(), response);
                if (!writeResponse(log, request.envelope().outputFile(), response)) {
                    return NO_RESPONSE;
                }
                progress.report(100);
                return 0;
            } catch (Throwable e) { // OutOfMemoryError, StackOverflowError included: still an Error response
                return internalError(log, request, e);
            }
        }
    }

    /**
     * Runs the command on a worker thread and waits for it. A command still running after
     * {@link #QUICK_MILLIS} gets the progress heartbeat and is waited for until its deadline plus a
     * grace period: a driver that honours the deadline has answered by then. Should the command still
     * run (a driver ignoring the deadline), every requested item gets error 1019 (or the command, when
     * it has no items), before SRM gives up; the worker is a daemon thread and ends with the process.
     */
    private Response dispatchBounded(Request request, CommandContext context, Progress progress) throws Throwable {
        CommandRun run = new CommandRun(new CommandDispatcher(registry), request, context);
        Thread worker = new Thread(null, run, "opensra-command", 0);
        worker.setDaemon(true);
        worker.start();
        join(worker, QUICK_MILLIS);
        if (run.finished()) {
            return run.response();
        }
        progress.startHeartbeat(context.limits().heartbeatSeconds() * 1000L);
        Deadline deadline = context.deadline();
        join(worker, deadline.remainingMillis() + graceMillis(deadline));
        if (!run.finished()) {
            String name = request.envelope().name();
            context.log().error("Command " + name + " did not end by its deadline of " + deadline.seconds()
                    + " s plus " + graceMillis(deadline) / 1000 + " s: the driver ignored the deadline;"
                    + " answering with error " + ErrorCodes.COMMAND_DEADLINE_REACHED + " now");
            return DeadlineResponse.of(request, deadline.seconds());
        }
        return run.response();
    }

    private static void join(Thread worker, long millis) {
        try {
            worker.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A quarter of the deadline, between 5 and 30 s (240 s gives 270 s in all, below SRM's 300 s). */
    static long graceMillis(Deadline deadline) {
        return Math.min(30_000L, Math.max(5_000L, deadline.seconds() * 250L));
    }

    private int internalError(SraLog log, Request request, Throwable e) {
        try {
            log.failure("Internal error: " + e, e);
            Response response = Response.error(ErrorCatalogue.standard().internal(
                    log.scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
            return writeResponse(log, request.envelope().outputFile(), response) ? 0 : NO_RESPONSE;
        } catch (Throwable again) { // e.g. still out of memory: the one line is all that is left
            return noResponse("internal error " + e.getClass().getSimpleName());
        }
    }

    /** The command on the worker thread: its response or whatever it threw. */
    private static final class CommandRun implements Runnable {
        private final CommandDispatcher dispatcher;
        private final Request request;
        private final CommandContext context;
        private Response response;
        private Throwable thrown;
        private boolean finished;

        CommandRun(CommandDispatcher dispatcher, Request request, CommandContext context) {
            this.dispatcher = dispatcher;
            this.request = request;
            this.context = context;
        }

        @Override
        public void run() {
            Response answer = null;
            Throwable problem = null;
            try {
                answer = dispatcher.dispatch(request, context);
            } catch (Throwable e) {
                problem = e;
            }
            synchronized (this) {
                response = answer;
                thrown = problem;
                finished = true;
            }
        }

        synchronized boolean finished() {
            return finished;
        }

        synchronized Response response() throws Throwable {
            if (thrown != null) {
                throw thrown;
            }
            return response;
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
            ResponseFile.write(Path.of(file), bytes);
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
