package org.opensra.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.protocol.LogLevel;

class SraLogTest {
    /** {@code 2026-11-25T10:50:01.123Z [p42] [info] [p42-s1] text}. */
    static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z) \\[(p\\d+)] \\[(trivia|verbose|info|warning|error)] "
                    + "(?:\\[(p\\d+-s\\d+)] )?(.*)$");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private List<String> lines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    private static void writeAllLevels(SraLog log) {
        log.trivia("t");
        log.verbose("v");
        log.info("i");
        log.warning("w");
        log.error("e");
    }

    @Test
    @DisplayName("INV-5 each of the five LogLevels writes its level and the more severe ones only")
    void levelsFilter(@TempDir Path dir) {
        List<String> all = List.of("t", "v", "i", "w", "e");
        LogLevel[] levels = LogLevel.values();
        for (int i = 0; i < levels.length; i++) {
            stdout.reset();
            try (SraLog log = SraLog.open(levels[i], dir.toString(), stdout, CredentialScrubber.none())) {
                writeAllLevels(log);
            }
            List<String> texts = new ArrayList<>();
            for (String line : lines()) {
                Matcher m = LINE.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                texts.add(m.group(5));
            }
            assertThat(texts).as(levels[i].toString()).isEqualTo(all.subList(i, all.size()));
        }
    }

    @Test
    @DisplayName("LOG-2 every line has date, time with milliseconds, process id and level; step lines carry the step id")
    void lineFormatAndSteps(@TempDir Path dir) {
        try (SraLog log = SraLog.open(LogLevel.VERBOSE, dir.toString(), stdout, CredentialScrubber.none())) {
            log.info("before");
            Step a = log.step("Promotion of devices [vol 1] on array array-b");
            Step b = log.step("Promotion of devices [vol-2] on array array-b");
            a.log("Replica of " + SraLog.quote("vol 1") + " is being promoted");
            b.log("Replica of vol-2 is being promoted");
            b.complete("Promotion of vol-2 is now COMPLETE");
            a.complete("Promotion of \"vol 1\" is now COMPLETE");
            try (Step c = log.step("Step that fails")) {
                c.log(LogLevel.TRIVIA, "filtered out");
            }
        }
        List<Matcher> lines = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            lines.add(m);
        }
        assertThat(lines).hasSize(9);
        String pid = "p" + ProcessHandle.current().pid();
        assertThat(lines).allSatisfy(m -> assertThat(m.group(2)).isEqualTo(pid));
        assertThat(lines.get(0).group(4)).isNull();
        String stepA = lines.get(1).group(4);
        String stepB = lines.get(2).group(4);
        assertThat(stepA).startsWith(pid + "-s").isNotEqualTo(stepB);
        assertThat(lines.get(1).group(5)).isEqualTo("Commence: Promotion of devices [vol 1] on array array-b");
        assertThat(lines.get(3).group(4)).isEqualTo(stepA);
        assertThat(lines.get(3).group(5)).isEqualTo("Replica of \"vol 1\" is being promoted");
        assertThat(lines.get(4).group(4)).isEqualTo(stepB);
        assertThat(lines.get(5).group(4)).isEqualTo(stepB);
        assertThat(lines.get(5).group(5)).startsWith("Complete: ");
        assertThat(lines.get(6).group(4)).isEqualTo(stepA);
        assertThat(lines.get(8).group(3)).isEqualTo("error");
        assertThat(lines.get(8).group(5)).startsWith("Complete: FAILED");
    }

    @Test
    @DisplayName("LOG-3 object names with blanks are double-quoted, others are not")
    void quotesNamesWithBlanks() {
        assertThat(SraLog.quote("async-LUN 11")).isEqualTo("\"async-LUN 11\"");
        assertThat(SraLog.quote("tab\there")).isEqualTo("\"tab\there\"");
        assertThat(SraLog.quote("APM000999876123767-server_2")).isEqualTo("APM000999876123767-server_2");
        assertThat(SraLog.quote("")).isEqualTo("\"\"");
    }

    @Test
    @DisplayName("SEC-1 known credential values are masked in every line, on stdout and in the file")
    void scrubsCredentials(@TempDir Path dir) throws IOException {
        CredentialScrubber scrubber = CredentialScrubber.of(List.of("s3cr3t-Pa55", "operator7"));
        try (SraLog log = SraLog.open(LogLevel.TRIVIA, dir.toString(), stdout, scrubber)) {
            log.info("login as operator7 with s3cr3t-Pa55");
            log.failure("failed", new IllegalStateException("password s3cr3t-Pa55 refused"));
        }
        String file = Files.readString(onlyLogFile(dir));
        for (String text : List.of(stdout.toString(StandardCharsets.UTF_8), file)) {
            assertThat(text).doesNotContain("s3cr3t-Pa55").doesNotContain("operator7")
                    .contains("login as ******** with ********").contains("IllegalStateException");
        }
    }

    @Test
    @DisplayName("INV-5 the log file opensra-<yyyyMMdd>.log in LogDirectory is appended to, with the same lines as stdout")
    void appendsToDailyFile(@TempDir Path dir) throws IOException {
        Path logDir = dir.resolve("logs/sub");
        try (SraLog log = SraLog.open(LogLevel.INFO, logDir.toString(), stdout, CredentialScrubber.none())) {
            log.info("first process");
        }
        try (SraLog log = SraLog.open(LogLevel.INFO, logDir.toString(), new ByteArrayOutputStream(), CredentialScrubber.none())) {
            log.info("second process");
        }
        Path file = onlyLogFile(logDir);
        assertThat(file.getFileName().toString()).matches("opensra-\\d{8}\\.log");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(lines().get(0)).endsWith("first process");
        assertThat(lines.get(1)).endsWith("second process");
    }

    @Test
    @DisplayName("INV-7 concurrent writers on one log file never mix lines")
    void concurrentWritersKeepLinesWhole(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (SraLog log = SraLog.open(LogLevel.INFO, dir.toString(), new ByteArrayOutputStream(),
                            CredentialScrubber.none())) {
                        for (int i = 0; i < 200; i++) {
                            log.info("writer " + writer + " line " + i + " " + "x".repeat(300));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(onlyLogFile(dir));
        assertThat(lines).hasSize(800).allMatch(l -> LINE.matcher(l).matches() && l.endsWith("x".repeat(300)));
    }

    @Test
    @DisplayName("INV-5 an unusable LogDirectory is reported on stdout and logging goes on")
    void unusableLogDirectory(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (SraLog log = SraLog.open(LogLevel.INFO, notADirectory.resolve("logs").toString(), stdout,
                CredentialScrubber.none())) {
            log.info("still logged");
        }
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).contains("[warning]").contains("logging to stdout only");
        assertThat(lines().get(1)).endsWith("still logged");
    }

    @Test
    @DisplayName("LOG-2 multi-line messages get the prefix on every line")
    void multiLine(@TempDir Path dir) {
        try (SraLog log = SraLog.open(LogLevel.INFO, dir.toString(), stdout, CredentialScrubber.none())) {
            log.info("Incoming request:\n  <Command>\r\n  </Command>");
        }
        assertThat(lines()).hasSize(3).allMatch(l -> LINE.matcher(l).matches());
        assertThat(lines().get(2)).endsWith("  </Command>");
    }

    static Path onlyLogFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().startsWith("opensra-"))
                    .collect(Collectors.toList());
            assertThat(list).hasSize(1);
            return list.get(0);
        }
    }
}
