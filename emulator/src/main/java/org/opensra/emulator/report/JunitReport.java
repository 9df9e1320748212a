package org.opensra.emulator.report;

import static org.opensra.emulator.xml.Xml.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensra.emulator.check.Requirement;
import org.opensra.emulator.check.Status;
import org.opensra.emulator.check.Violation;
import org.opensra.emulator.workflow.RunResult;

/** junit.xml for CI: one test case per requirement ID; violations are failures, unchecked IDs are skipped. */
public final class JunitReport {
    private JunitReport() {
    }

    public static void write(RunResult r, Path file) throws IOException {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int skipped = 0;
        int tests = 0;
        for (Requirement q : r.requirements()) {
            tests++;
            Status s = r.verdicts().status(q.id());
            String group = q.id().replaceAll("-.*", "");
            cases.append("  <testcase classname=\"srm-emulator.").append(esc(group)).append("\" name=\"")
                    .append(esc(q.id() + " " + abbreviate(q.text()))).append("\">\n");
            if (s == Status.FAILED) {
                failures++;
                List<Violation> vs = r.verdicts().violationsOf(q.id());
                cases.append("    <failure message=\"").append(esc(vs.size() + " violation(s): " + vs.get(0).message()))
                        .append("\">");
                for (Violation v : vs) {
                    cases.append(esc(v.toString())).append('\n');
                }
                cases.append("</failure>\n");
            } else if (s != Status.PASSED) {
                skipped++;
                String why = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                        + r.verdicts().reason(q.id());
                cases.append("    <skipped message=\"").append(esc(why)).append("\"/>\n");
            }
            cases.append("  </testcase>\n");
        }
        for (Map.Entry<String, String> e : r.verdicts().notRunEntries().entrySet()) {
            if (r.requirements().stream().noneMatch(q -> q.id().equals(e.getKey()))) {
                tests++;
                skipped++;
                cases.append("  <testcase classname=\"srm-emulator.pending\" name=\"").append(esc(e.getKey()))
                        .append("\">\n    <skipped message=\"").append(esc(e.getValue())).append("\"/>\n  </testcase>\n");
            }
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"srm-emulator\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\""
                + r.duration().toMillis() / 1000.0 + "\">\n" + cases + "</testsuite>\n";
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
