package org.opensra.emulator.report;

import static org.opensra.emulator.xml.Xml.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensra.emulator.check.Requirement;
import org.opensra.emulator.check.Status;
import org.opensra.emulator.check.Violation;
import org.opensra.emulator.workflow.RunLog;
import org.opensra.emulator.workflow.RunResult;

/**
 * index.html: a self-contained page (inline CSS, no external resources) with the verdict, a timeline
 * of commands per site, the requirement table and links to every request, response and log.
 */
public final class HtmlReport {
    private static final String CSS = """
            *{box-sizing:border-box}
            body{font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d2733;background:#f4f6f9}
            header{background:#17324d;color:#fff;padding:18px 28px}
            header h1{margin:0 0 4px;font-size:22px;font-weight:600}
            header .meta{opacity:.8;font-size:13px}
            main{padding:20px 28px 40px}
            section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 20px;margin-bottom:20px}
            h2{font-size:17px;margin:0 0 12px}
            .cards{display:flex;gap:14px;flex-wrap:wrap;margin-bottom:20px}
            .card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:12px 18px;min-width:150px}
            .card .n{font-size:26px;font-weight:700}
            .card .l{font-size:12px;color:#5b6b7c;text-transform:uppercase;letter-spacing:.04em}
            .verdict.pass{background:#1f8f4e;color:#fff}.verdict.fail{background:#c0392b;color:#fff}
            .verdict .l{color:rgba(255,255,255,.85)}
            .lane{display:flex;align-items:center;margin:6px 0}
            .lane .name{width:90px;font-weight:600;flex:none}
            .track{position:relative;height:26px;flex:1;background:#eef1f5;border-radius:4px}
            .bar{position:absolute;top:3px;height:20px;border-radius:3px;min-width:3px;display:block}
            .ok{background:#2e9d5b}.warning{background:#e3a21a}.partial{background:#e67e22}.error,.invalid,.timeout{background:#c0392b}
            .wfband{position:relative;height:34px;margin-left:90px;font-size:11px}
            .wf.low{top:16px}
            code{background:#eef1f5;border-radius:3px;padding:0 3px;font-size:12px}
            .wf{position:absolute;top:0;height:16px;border-left:2px solid #17324d;padding-left:3px;white-space:nowrap;overflow:hidden;color:#17324d}
            .axis{margin-left:90px;display:flex;justify-content:space-between;font-size:11px;color:#5b6b7c}
            .legend span{display:inline-block;margin-right:14px;font-size:12px}
            .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e8ee;vertical-align:top}
            th{background:#f0f3f7;position:sticky;top:0}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
            .PASSED{background:#2e9d5b}.FAILED{background:#c0392b}.NOT_RUN{background:#8a96a3}.NOT_CHECKED{background:#c5ccd4;color:#33414f}
            .UNVERIFIED{background:#b7950b}.NOT_OBSERVABLE{background:#6c7a89}
            .viol{color:#a02c20}
            a{color:#1b5fa8}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            details summary{cursor:pointer;font-weight:600}
            """;

    private HtmlReport() {
    }

    public static void write(RunResult r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    static String render(RunResult r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        List<Violation> violations = r.verdicts().violations();
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (Requirement q : r.requirements()) {
            counts.merge(r.verdicts().status(q.id()), 1, Integer::sum);
        }
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SRM emulator report</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>OpenSRA SRM emulator report</h1><div class=\"meta\">SRA ").append(esc(r.sra()))
                .append(" &middot; started ").append(esc(r.started().toString())).append(" &middot; ")
                .append(seconds(r.duration().toMillis())).append("</div></header>\n<main>\n");

        h.append("<div class=\"cards\">");
        h.append("<div class=\"card verdict ").append(r.passed() ? "pass" : "fail").append("\" id=\"verdict\"><div class=\"n\">")
                .append(r.passed() ? "PASSED" : "FAILED").append("</div><div class=\"l\">")
                .append(violations.size()).append(" violation(s)</div></div>");
        card(h, counts.get(Status.PASSED), "requirements passed");
        card(h, counts.get(Status.FAILED), "requirements failed");
        card(h, counts.get(Status.UNVERIFIED), "unverified (no wrong-SRA proof)");
        card(h, counts.get(Status.NOT_OBSERVABLE), "not observable");
        card(h, counts.get(Status.NOT_RUN) + counts.get(Status.NOT_CHECKED), "not run / not checked");
        card(h, r.commands().size(), "SRA commands");
        card(h, r.bytesReplicated() / 1024, "KiB verified replicated");
        h.append("</div>\n");

        if (!violations.isEmpty()) {
            h.append("<section id=\"violations\"><h2>Violations</h2><table><tr><th>Requirement</th><th>What was wrong</th>")
                    .append("<th>Command</th></tr>\n");
            for (Violation v : violations) {
                h.append("<tr><td><span class=\"badge FAILED\">").append(esc(v.requirementId())).append("</span></td><td class=\"viol\">")
                        .append(esc(v.message())).append("</td><td>").append(commandLink(v)).append("</td></tr>\n");
            }
            h.append("</table></section>\n");
        }

        timeline(h, r);
        requirements(h, r);
        commands(h, r);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, long n, String label) {
        h.append("<div class=\"card\"><div class=\"n\">").append(n).append("</div><div class=\"l\">").append(esc(label))
                .append("</div></div>");
    }

    private static String commandLink(Violation v) {
        if (v.folder() == null) {
            return "";
        }
        return "<a href=\"commands/" + esc(v.folder()) + "/response.xml\">" + esc(v.command()) + "</a>";
    }

    private static void timeline(StringBuilder h, RunResult r) {
        long total = Math.max(1, r.duration().toMillis());
        h.append("<section id=\"timeline\"><h2>Timeline of SRA commands per site</h2>\n");
        h.append("<div class=\"legend\"><span><i class=\"ok\"></i>ok</span><span><i class=\"warning\"></i>warnings</span>")
                .append("<span><i class=\"partial\"></i>per-item errors</span><span><i class=\"error\"></i>error / invalid / timeout</span></div>\n");
        h.append("<div class=\"wfband\">");
        String last = null;
        int band = 0;
        for (RunLog.Entry e : r.commands()) {
            if (!e.workflow().equals(last)) {
                last = e.workflow();
                h.append("<div class=\"wf").append(band++ % 2 == 1 ? " low" : "").append("\" style=\"left:").append(pct(offset(r, e), total)).append("\" title=\"")
                        .append(esc(e.workflow())).append("\">").append(esc(e.workflow().split(" ")[0])).append("</div>");
            }
        }
        h.append("</div>\n");
        List<String> sites = new ArrayList<>();
        r.commands().forEach(e -> {
            if (!sites.contains(e.invocation().site())) {
                sites.add(e.invocation().site());
            }
        });
        sites.sort(null);
        for (String site : sites) {
            h.append("<div class=\"lane\"><div class=\"name\">Site ").append(esc(site)).append("</div><div class=\"track\">");
            for (RunLog.Entry e : r.commands()) {
                if (!e.invocation().site().equals(site)) {
                    continue;
                }
                long width = Math.max(e.invocation().durationMillis(), 1);
                h.append("<a class=\"bar ").append(esc(e.outcome())).append("\" style=\"left:").append(pct(offset(r, e), total))
                        .append(";width:").append(pct(width, total)).append("\" href=\"commands/")
                        .append(esc(e.invocation().folderName())).append("/stdout.log\" title=\"#")
                        .append(e.invocation().seq()).append(' ').append(esc(e.invocation().command())).append(" (")
                        .append(esc(e.workflow())).append(") ").append(seconds(e.invocation().durationMillis())).append(", ")
                        .append(esc(e.outcome())).append("\"></a>");
            }
            h.append("</div></div>\n");
        }
        h.append("<div class=\"axis\"><span>0 s</span><span>").append(seconds(total / 2)).append("</span><span>")
                .append(seconds(total)).append("</span></div>\n</section>\n");
    }

    private static long offset(RunResult r, RunLog.Entry e) {
        return Math.max(0, e.invocation().start().toEpochMilli() - r.started().toEpochMilli());
    }

    private static String pct(long part, long total) {
        return String.format(Locale.ROOT, "%.3f%%", Math.min(100.0, 100.0 * part / total));
    }

    private static void requirements(StringBuilder h, RunResult r) {
        h.append("<section><h2>Requirements</h2><table id=\"requirements\"><tr><th>ID</th><th>Status</th><th>Requirement</th>")
                .append("<th>Findings</th><th>Check proved by</th></tr>\n");
        for (Requirement q : r.requirements()) {
            Status s = r.verdicts().status(q.id());
            h.append("<tr><td><b>").append(esc(q.id())).append("</b></td><td><span class=\"badge ").append(s.name())
                    .append("\">").append(s.name().replace('_', ' ').toLowerCase(Locale.ROOT)).append("</span></td><td>")
                    .append(code(esc(q.text()))).append("</td><td>");
            if (s == Status.FAILED) {
                for (Violation v : r.verdicts().violationsOf(q.id())) {
                    h.append("<div class=\"viol\">").append(esc(v.message())).append(' ').append(commandLink(v)).append("</div>");
                }
            } else if (r.verdicts().reason(q.id()) != null) {
                h.append(esc(r.verdicts().reason(q.id())));
            }
            h.append("</td><td>").append(esc(String.join(", ", r.verdicts().proofs().testsFor(q.id()))))
                    .append("</td></tr>\n");
        }
        for (Map.Entry<String, String> e : r.verdicts().notRunEntries().entrySet()) {
            if (r.requirements().stream().noneMatch(q -> q.id().equals(e.getKey()))) {
                h.append("<tr><td><b>").append(esc(e.getKey())).append("</b></td><td><span class=\"badge NOT_RUN\">not run</span>")
                        .append("</td><td>pending check</td><td>").append(esc(e.getValue())).append("</td><td></td></tr>\n");
            }
        }
        h.append("</table></section>\n");
    }

    private static void commands(StringBuilder h, RunResult r) {
        h.append("<section><details open><summary>All ").append(r.commands().size())
                .append(" commands (request, response, log)</summary><table id=\"commands\"><tr><th>#</th><th>Workflow</th>")
                .append("<th>Site</th><th>Command</th><th>Duration</th><th>Outcome</th><th>Files</th></tr>\n");
        for (RunLog.Entry e : r.commands()) {
            String f = "commands/" + esc(e.invocation().folderName()) + "/";
            h.append("<tr><td class=\"num\">").append(e.invocation().seq()).append("</td><td>").append(esc(e.workflow()))
                    .append("</td><td>").append(esc(e.invocation().site())).append("</td><td>")
                    .append(esc(e.invocation().command())).append("</td><td class=\"num\">")
                    .append(seconds(e.invocation().durationMillis())).append("</td><td><span class=\"badge ")
                    .append(esc(e.outcome()))
                    .append("\">").append(esc(e.outcome())).append("</span></td><td><a href=\"").append(f)
                    .append("request.xml\">request</a> &middot; <a href=\"").append(f).append("response.xml\">response</a> &middot; <a href=\"")
                    .append(f).append("stdout.log\">log</a></td></tr>\n");
        }
        h.append("</table></details></section>\n");
    }

    /** `text` spans of the requirement digest as code. */
    private static String code(String escaped) {
        return escaped.replaceAll("`([^`]*)`", "<code>$1</code>");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
