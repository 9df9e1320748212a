package org.opensra.emulator.parallel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a parallel-plans run: each plan, the same-group conflict, the convergence problems; printed as
 * lines ending in {@code parallel_failures: N} (read by bench scripts) and written as parallel-plans.json.
 */
public record ParallelSummary(List<PlanResult> plans, ConflictResult conflict, List<String> problems, int verifiedReads,
                              long millis) {
    public ParallelSummary {
        plans = List.copyOf(plans);
        problems = List.copyOf(problems);
    }

    /** Failed plans, a conflict that did not give one success and one clean error, and each convergence problem. */
    public int failures() {
        int n = (int) plans.stream().filter(p -> !p.ok()).count();
        if (conflict != null && !conflict.ok()) {
            n++;
        }
        return n + problems.size();
    }

    public void print(PrintStream out) {
        for (PlanResult p : plans) {
            out.printf("%s %s: %s (%.1f s)%n", p.ok() ? "ok    " : "FAILED", p.what(), p.ok() ? "succeeded" : p.message(),
                    p.millis() / 1000.0);
        }
        if (conflict != null) {
            out.println((conflict.ok() ? "ok     " : "FAILED ") + "conflict on " + conflict.unit() + ": "
                    + conflict.successes() + " success, " + conflict.cleanErrors() + " clean error");
            conflict.details().forEach(d -> out.println("         " + d));
        }
        problems.forEach(p -> out.println("FAILED convergence: " + p));
        out.println(problems.isEmpty() ? "convergence: both arrays report a consistent state" : "convergence: "
                + problems.size() + " problem(s)");
        out.println("data_reads_verified: " + verifiedReads);
        out.println("parallel_plans: " + plans.size());
        out.printf("parallel_seconds: %.1f%n", millis / 1000.0);
        out.println("parallel_failures: " + failures());
    }

    public Path write(Path reportDir) throws IOException {
        Files.createDirectories(reportDir);
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> ps = new ArrayList<>();
        for (PlanResult p : plans) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("plan", p.what());
            m.put("ok", p.ok());
            m.put("message", p.message());
            m.put("millis", p.millis());
            ps.add(m);
        }
        root.put("plans", ps);
        if (conflict != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("unit", conflict.unit());
            c.put("ok", conflict.ok());
            c.put("successes", conflict.successes());
            c.put("cleanErrors", conflict.cleanErrors());
            c.put("details", conflict.details());
            root.put("conflict", c);
        }
        root.put("convergenceProblems", problems);
        root.put("dataReadsVerified", verifiedReads);
        root.put("millis", millis);
        root.put("parallel_failures", failures());
        Path file = reportDir.resolve("parallel-plans.json");
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
        return file;
    }
}
