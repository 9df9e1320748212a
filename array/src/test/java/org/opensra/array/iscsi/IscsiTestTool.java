package org.opensra.array.iscsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs libiscsi's iscsi-test-cu (Debian libiscsi-bin) and reads its CUnit summary. */
final class IscsiTestTool {
    static final String BINARY = "/usr/bin/iscsi-test-cu";
    static final String INITIATOR = "iqn.2007-10.com.github:sahlberg:libiscsi:iscsi-test";
    static final String INITIATOR_2 = "iqn.2007-10.com.github:sahlberg:libiscsi:iscsi-test-2";
    private static final Pattern SUMMARY = Pattern.compile("^\\s*tests\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

    /** The outcome: exit code, tests run/passed/failed from the summary line, the [SKIPPED] lines, the whole output. */
    record Run(int exit, int ran, int passed, int failed, List<String> skipped, String output) {
    }

    private IscsiTestTool() {
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** Runs the suites (comma-separated -t list) with -f (a failed test fails the exit code) and -d (writes allowed). */
    static Run run(String suites, String url, Path workDir) throws IOException, InterruptedException {
        Path log = workDir.resolve("iscsi-test-cu-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(BINARY, "-d", "-f", "-i", INITIATOR, "-I", INITIATOR_2, "-t", suites, url)
            .redirectErrorStream(true).redirectOutput(log.toFile()).directory(workDir.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("iscsi-test-cu did not finish within 15 minutes; output in " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = SUMMARY.matcher(out);
        int ran = -1;
        int passed = -1;
        int failed = -1;
        if (m.find()) {
            ran = Integer.parseInt(m.group(2));
            passed = Integer.parseInt(m.group(3));
            failed = Integer.parseInt(m.group(4));
        }
        List<String> skipped = new ArrayList<>();
        for (String line : out.split("\n")) {
            int i = line.indexOf("[SKIPPED]");
            if (i >= 0) {
                String s = line.substring(i).trim();
                if (!skipped.contains(s)) {
                    skipped.add(s);
                }
            }
        }
        return new Run(p.exitValue(), ran, passed, failed, skipped, out);
    }
}
