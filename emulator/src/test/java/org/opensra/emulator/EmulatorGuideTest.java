package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of docs/emulator.md runs as written: its site file, the fake SRA and its data plug-in. */
class EmulatorGuideTest {

    @Test
    @DisplayName("WF-1 WF-2 WF-3 TF-2 the worked example of docs/emulator.md passes, with TF-2 proved by its wrong SRAs")
    void workedExampleRuns(@TempDir Path tmp) throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "emulator.md"));
        String block = guide.substring(guide.indexOf("```json site-A") + "```json site-A".length());
        String siteA = block.substring(0, block.indexOf("```"));
        Path lab = Files.createDirectories(tmp.resolve("lab"));
        Path sra = Files.createDirectories(tmp.resolve("sra"));
        for (String f : new String[] {"command.pl", "fakedata.pl"}) {
            try (InputStream in = getClass().getResourceAsStream("/fakesra/" + f)) {
                Files.copy(in, sra.resolve(f));
            }
        }
        Files.createDirectories(lab.resolve("A"));
        Files.createDirectories(lab.resolve("B"));
        Files.writeString(lab.resolve("password"), FakeLab.PASSWORD + "\n");
        String a = siteA.replace("$LAB", lab.toString()).replace("$SRA", sra.toString());
        String b = a.replace(lab.resolve("A").toString(), lab.resolve("B").toString())
                .replace("\"A\"", "\"B\"");
        Files.writeString(tmp.resolve("site-A.json"), a);
        Files.writeString(tmp.resolve("site-B.json"), b);
        Path report = tmp.resolve("report");

        int exit = EmulatorMain.execute(new String[] {"run", "--sra", sra.resolve("command.pl").toString(),
                "--protected", tmp.resolve("site-A.json").toString(), "--recovery", tmp.resolve("site-B.json").toString(),
                "--report", report.toString(), "--workflows", "WF-1,WF-2,WF-3", "--quiet", "--min-poll-ms", "20"});

        JsonNode s = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertThat(s.path("violations")).as(s.path("violations").toString()).isEmpty();
        assertThat(exit).isZero();
        JsonNode tf2 = s.path("requirementDetails").path("TF-2");
        assertThat(tf2.path("status").asText()).isEqualTo("PASSED");
        assertThat(tf2.path("provedBy").toString()).contains("WrongSraTest[stale-test-copy]")
                .contains("WrongSraTest[test-copy-is-replica]");
        assertThat(Files.readString(report.resolve("index.html"))).contains("Check proved by");
    }
}
