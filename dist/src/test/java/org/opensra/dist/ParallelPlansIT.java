package org.opensra.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.driver.embedded.json.JsonReader;

/**
 * INV-7: {@code srm-emulator run --parallel-plans 8} against the real command.pl and two real sra-array daemons:
 * eight recovery plans at once (test, sync, failover, discovery on different protection groups, both directions)
 * all succeed; two testFailoverStart at once on one group give one success and one clean error; afterwards the
 * arrays' own listings agree with each other (every pair's roles complementary, no test copy left).
 */
class ParallelPlansIT {

    @Test
    @DisplayName("INV-7 TF-6 eight recovery plans at once in both directions succeed, a same-group conflict gives "
            + "one success and one clean error, both arrays stay consistent")
    void parallelPlansConverge(@TempDir Path tmp) throws IOException {
        Path home = Lab.home();
        Path report = tmp.resolve("report");
        try (Lab lab = Lab.up(tmp.resolve("lab"))) {
            Proc.Result run = Proc.run(List.of(home.resolve("bin/srm-emulator").toString(), "run",
                    "--sra", home.resolve("sra/command.pl").toString(), "--lab", lab.dir().toString(),
                    "--report", report.toString(), "--parallel-plans", "8"), null, Duration.ofMinutes(20),
                    tmp.resolve("scratch"));
            String output = run.stdout() + run.stderr();
            assertThat(run.stdout()).as(output).contains("parallel_failures: 0");
            assertThat(run.exit()).as(output).isZero();

            JsonObject summary = JsonReader.parseObject(Files.readString(report.resolve("parallel-plans.json")));
            List<JsonObject> plans = summary.objects("plans");
            assertThat(plans).hasSize(8);
            List<String> labels = new ArrayList<>();
            for (JsonObject p : plans) {
                assertThat(p.bool("ok", false)).as(p.string("plan") + ": " + p.string("message")).isTrue();
                labels.add(p.string("plan"));
            }
            // every kind of plan ran, in both directions, at once
            for (String kind : List.of(" test ", " sync ", " failover ", " discover ")) {
                assertThat(labels).as("plans %s", labels).anyMatch(p -> p.contains(kind) && p.contains("(A to B)"));
                assertThat(labels).as("plans %s", labels).anyMatch(p -> p.contains(kind) && p.contains("(B to A)"));
            }
            JsonObject conflict = summary.object("conflict");
            assertThat(conflict.longValue("successes")).as(output).isEqualTo(1);
            assertThat(conflict.longValue("cleanErrors")).as(output).isEqualTo(1);
            assertThat(summary.longValue("parallel_failures")).isZero();
            assertThat(summary.longValue("dataReadsVerified")).as("data read back through the data plug-in").isPositive();

            JsonObject atA = lab.cli(lab.a(), "replication", "list");
            JsonObject atB = lab.cli(lab.b(), "replication", "list");
            consistent(atA, atB);
            consistent(atB, atA);
            assertThat(count(atA, "demoted")).as("a failover B to A ... and A to B: demoted at A").isPositive();
            assertThat(count(atB, "demoted")).as("demoted at B").isPositive();
            assertThat(count(atA, "promoted")).isEqualTo(count(atB, "demoted"));
            assertThat(count(atB, "promoted")).isEqualTo(count(atA, "demoted"));
        }
    }

    /** Every pair of {@code here} has its counterpart at {@code there} with the complementary role; no test copy left. */
    private static void consistent(JsonObject here, JsonObject there) {
        Map<String, JsonObject> byLocal = new HashMap<>();
        for (JsonObject p : there.objects("pairs")) {
            byLocal.put(p.object("localVolume").string("id"), p);
        }
        Map<String, String> complement = Map.of("source", "target", "target", "source", "demoted", "promoted",
                "promoted", "demoted");
        for (JsonObject p : here.objects("pairs")) {
            String what = here.string("arrayId") + " pair " + p.string("id") + " (" + p.string("name") + ")";
            JsonObject other = byLocal.get(p.string("peerVolumeId"));
            assertThat(other).as(what + ": counterpart " + p.string("peerVolumeId")).isNotNull();
            assertThat(other.string("role")).as(what + " role " + p.string("role"))
                    .isEqualTo(complement.get(p.string("role")));
            assertThat(other.string("peerVolumeId")).as(what).isEqualTo(p.object("localVolume").string("id"));
            boolean writable = "source".equals(p.string("role")) || "promoted".equals(p.string("role"));
            assertThat(p.object("localVolume").string("access")).as(what + " access")
                    .isEqualTo(writable ? "read-write" : "read-only");
            assertThat(p.objects("clones")).as(what + ": test copies left").isEmpty();
        }
        for (JsonObject g : here.objects("groups")) {
            assertThat(g.objects("clones")).as(here.string("arrayId") + " group " + g.string("name")
                    + ": test copies left").isEmpty();
        }
    }

    private static long count(JsonObject listing, String role) {
        return listing.objects("pairs").stream().filter(p -> role.equals(p.string("role"))).count();
    }
}
