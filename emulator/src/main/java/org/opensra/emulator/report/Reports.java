package org.opensra.emulator.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensra.emulator.workflow.RunResult;

/** Writes index.html, junit.xml and summary.json into the report folder. */
public final class Reports {
    private Reports() {
    }

    /** Returns the path of index.html. */
    public static Path write(RunResult r) throws IOException {
        Files.createDirectories(r.reportDir());
        Path index = r.reportDir().resolve("index.html");
        HtmlReport.write(r, index);
        JunitReport.write(r, r.reportDir().resolve("junit.xml"));
        JsonSummary.write(r, r.reportDir().resolve("summary.json"));
        return index;
    }
}
