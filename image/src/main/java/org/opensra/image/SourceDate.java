package org.opensra.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The time every file and record in the image carries: SOURCE_DATE_EPOCH, else the last commit's time. */
final class SourceDate {
    private SourceDate() {
    }

    static long epochSeconds(Path repo) throws IOException, InterruptedException {
        String env = System.getenv("SOURCE_DATE_EPOCH");
        if (env != null && !env.isBlank()) {
            return Long.parseLong(env.trim());
        }
        Process p = new ProcessBuilder("git", "-C", repo.toString(), "log", "-1", "--format=%ct")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || text.isEmpty()) {
            throw new IllegalStateException("image: cannot read the last commit's time in " + repo
                    + " (" + text + "); set SOURCE_DATE_EPOCH");
        }
        return Long.parseLong(text);
    }
}
