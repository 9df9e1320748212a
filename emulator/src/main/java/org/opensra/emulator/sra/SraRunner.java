package org.opensra.emulator.sra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opensra.emulator.site.ConnectionValues;
import org.opensra.emulator.xml.Xml;
import org.opensra.emulator.xml.XmlParseException;
import org.w3c.dom.Document;

/**
 * Runs {@code perl command.pl} as SRM does: a fresh private folder per command holding OutputFile,
 * StatusFile and LogDirectory, the request on stdin, a time limit, progress read from the StatusFile
 * while the command runs, stdout kept as the log. Copies with credentials masked go to the report.
 */
public final class SraRunner {
    private static final Pattern PROGRESS = Pattern.compile("<(?:\\w+:)?ProgressUpdate[^>]*>\\s*(-?\\d+)\\s*<");

    private final SraCommand sra;
    private final Path reportCommands;
    private final Duration timeout;
    private final String logLevel;
    private final Consumer<Invocation> listener;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final List<Invocation> history = new ArrayList<>();
    private final Instant epoch = Instant.now();
    private int seq;

    public SraRunner(Path commandPl, Path reportDir, Duration timeout, String logLevel, Consumer<Invocation> listener) {
        this(SraCommand.local(commandPl), reportDir, timeout, logLevel, listener);
    }

    public SraRunner(SraCommand sra, Path reportDir, Duration timeout, String logLevel, Consumer<Invocation> listener) {
        this.sra = sra;
        this.reportCommands = reportDir.resolve("commands");
        this.timeout = timeout;
        this.logLevel = logLevel;
        this.listener = listener;
    }

    public Instant epoch() {
        return epoch;
    }

    public synchronized List<Invocation> history() {
        return List.copyOf(history);
    }

    /** Runs one command; {@code connection} null for the query* commands without Connections. */
    public Invocation run(String site, String command, ConnectionValues connection, String parameters) {
        return run(site, command, connection, parameters, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #run(String, String, ConnectionValues, String)} with the request text rewritten (TOL-2, TOL-3). */
    public Invocation run(String site, String command, ConnectionValues connection, String parameters,
                          java.util.function.UnaryOperator<String> rewrite) {
        int n;
        synchronized (this) {
            n = ++seq;
        }
        Path priv = null;
        try {
            priv = sra.newCommandFolder();
            Path out = priv.resolve("response.xml");
            Path status = priv.resolve("status.xml");
            Path logDir = sra.newFolder(priv.resolve("logs"));
            Path stdout = priv.resolve("stdout.log");
            Path stderr = priv.resolve("stderr.log");
            String conn = connection == null ? null : RequestXml.connections(connection, false);
            String request = rewrite.apply(RequestXml.build(command, sra.sraPath(out), sra.sraPath(status), logLevel,
                    sra.sraPath(logDir), conn, parameters));
            String maskedRequest = rewrite.apply(RequestXml.build(command, sra.sraPath(out), sra.sraPath(status), logLevel,
                    sra.sraPath(logDir), connection == null ? null : RequestXml.connections(connection, true), parameters));

            Path folder = reportCommands.resolve(String.format("%03d-%s-%s", n, site, command));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("request.xml"), maskedRequest, StandardCharsets.UTF_8);

            Instant start = Instant.now();
            ProcessBuilder pb = new ProcessBuilder(sra.argv())
                    .directory(sra.directory() == null ? null : sra.directory().toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Process p = pb.start();
            running.add(p);
            List<Integer> progress = new ArrayList<>();
            boolean timedOut = false;
            int exit;
            try {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(request.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the SRA may exit without reading stdin; its response tells the rest
                }
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() > deadline) {
                        timedOut = true;
                        kill(p);
                        break;
                    }
                }
                exit = timedOut ? -1 : p.exitValue();
            } finally {
                if (p.isAlive()) {
                    kill(p);
                }
                running.remove(p);
            }
            long millis = Duration.between(start, Instant.now()).toMillis();
            progress.addAll(readProgress(status));

            String stdoutText = readText(stdout);
            String stderrText = readText(stderr);
            String logDirText = readLogDirectory(logDir);
            byte[] response = Files.isRegularFile(out) ? Files.readAllBytes(out) : null;
            Optional<Document> doc = Optional.empty();
            String parseError = null;
            if (response != null) {
                try {
                    doc = Optional.of(Xml.parse(response));
                } catch (XmlParseException e) {
                    parseError = e.getMessage();
                }
            } else {
                parseError = "no response written to OutputFile";
            }
            List<String> secrets = secrets(connection);
            Files.writeString(folder.resolve("stdout.log"), mask(stdoutText, secrets), StandardCharsets.UTF_8);
            if (!stderrText.isEmpty()) {
                Files.writeString(folder.resolve("stderr.log"), mask(stderrText, secrets), StandardCharsets.UTF_8);
            }
            if (response != null) {
                Files.writeString(folder.resolve("response.xml"),
                        mask(new String(response, StandardCharsets.UTF_8), secrets), StandardCharsets.UTF_8);
            }
            if (Files.isRegularFile(status)) {
                Files.writeString(folder.resolve("status.xml"), mask(readText(status), secrets), StandardCharsets.UTF_8);
            }
            Invocation inv = new Invocation(n, site, command, start, millis, exit, timedOut, progress, folder,
                    response, doc, parseError, stdoutText, logDirText + stderrText);
            synchronized (this) {
                history.add(inv);
            }
            listener.accept(inv);
            return inv;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " at site " + site + ": " + e.getMessage(), e);
        } finally {
            if (priv != null) {
                deleteTree(priv);
            }
        }
    }

    /** Kills every SRA process still running (Ctrl-C). */
    public void killAll() {
        running.forEach(SraRunner::kill);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Integer> readProgress(Path status) {
        List<Integer> out = new ArrayList<>();
        if (!Files.isRegularFile(status)) {
            return out;
        }
        Matcher m = PROGRESS.matcher(readText(status));
        while (m.find()) {
            try {
                out.add(Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                out.add(Integer.MIN_VALUE);
            }
        }
        return out;
    }

    private static List<String> secrets(ConnectionValues c) {
        List<String> s = new ArrayList<>();
        if (c != null && !c.password().isEmpty()) {
            s.add(c.password().value());
        }
        return s;
    }

    static String mask(String text, List<String> secrets) {
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, "********");
        }
        return t;
    }

    private static String readText(Path p) {
        try {
            return Files.isRegularFile(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String readLogDirectory(Path dir) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).limit(50).forEach(f -> b.append(readText(f)).append('\n'));
        } catch (IOException e) {
            return b.toString();
        }
        return b.toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover private temp folder is harmless: it holds no credentials
        }
    }
}
