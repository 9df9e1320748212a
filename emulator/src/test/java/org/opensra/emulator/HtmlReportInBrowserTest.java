package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a person sees it: rendered by headless Chromium, screenshot taken, DOM inspected. */
class HtmlReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    @DisplayName("HTML report renders in headless Chromium with the timeline per site and the requirement table")
    void rendersInChromium(@TempDir Path tmp) throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is needed (apt-get install -y chromium)").isExecutable();
        FakeLab lab = new FakeLab(tmp.resolve("lab"), "no-demote");
        lab.run("--workflows", "WF-3,WF-4");
        Path index = lab.report.resolve("index.html");
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertThat(html).as("self-contained page, no external resources")
                .doesNotContain("src=\"http", "href=\"http", "url(http", "<link", "<script");

        Path png = tmp.resolve("report.png");
        browser(tmp, "--screenshot=" + png, "--window-size=1400,1000", index.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        Files.copy(png, Path.of("target", "emulator-report-screenshot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        String dom = browser(tmp, "--dump-dom", index.toUri().toString());
        assertThat(dom).contains("id=\"timeline\"", "Site A", "Site B", "class=\"bar ");
        assertThat(dom).contains("id=\"requirements\"", "DD-4", "RESP-1", "badge FAILED", "badge PASSED");
        assertThat(dom).contains("commands/001-A-queryInfo/request.xml");
    }

    private static String browser(Path tmp, String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
        Path out = Files.createTempFile(tmp, "chromium-", ".out");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
