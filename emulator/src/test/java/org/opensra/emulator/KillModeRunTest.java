package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srm-emulator run --kill} against the well-behaved fake SRA: kills land, every one converges. */
class KillModeRunTest {
    @Test
    @DisplayName("TF-6 TF-7 PF-2 FO-3 REV-5 RES-4 SYNC-2 run --kill SIGKILLs mutating commands, runs SRM's next step and reports convergence")
    void killModeConverges(@TempDir Path tmp) throws Exception {
        FakeLab lab = new FakeLab(tmp);
        int exit = lab.run("--kill", "--kill-seed", "11");
        Path kills = lab.report.resolve("kills.txt");
        assertThat(kills).exists();
        Map<String, String> figures = Files.readAllLines(kills).stream().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2),
                        (x, y) -> x + "\n" + y));
        assertThat(figures.get("seed")).isEqualTo("11");
        assertThat(Long.parseLong(figures.get("kills"))).isPositive();
        assertThat(figures.get("converged")).isEqualTo(figures.get("kills"));
        assertThat(figures.get("orphan_processes")).isEqualTo("0");
        assertThat(figures).doesNotContainKey("not converged");
        assertThat(lab.allViolations()).isEmpty();
        assertThat(exit).isZero();
    }
}
