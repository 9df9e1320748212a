package org.opensra.array.iscsi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Json;
import org.opensra.array.TestApi;
import org.opensra.array.TwoArrays;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login through libiscsi's iscsi-inq and iscsi-ls: one-way CHAP per host (right secret in, wrong or
 * missing secret out), unknown initiators refused, SendTargets listing only the targets an initiator
 * has LUNs on, and the CHAP secret never stored or answered in clear (SEC-1).
 */
class IscsiLoginIT {
    private static final String SECRET = "chap-secret-0123456789";
    private static final String CHAP_IQN = "iqn.2026-12.test:chap-host";
    private static final String PLAIN_IQN = "iqn.2026-12.test:plain-host";

    @TempDir
    static Path dir;
    static TwoArrays arrays;
    static String lun;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        assertThat(IscsiTestTool.installed()).as("libiscsi-bin is needed; .ci/run installs it").isTrue();
        arrays = new TwoArrays(dir.resolve("arrays"));
        TestApi a = arrays.apiA();
        String vol = a.createVolume("login", 8L << 20);
        String chapHost = a.post("/api/v1/hosts", Json.obj("name", "chap host", "initiators",
            List.of(Json.obj("type", "iSCSI", "id", CHAP_IQN)))).ok().json().path("id").asText();
        String plainHost = a.post("/api/v1/hosts", Json.obj("name", "plain host", "initiators",
            List.of(Json.obj("type", "iSCSI", "id", PLAIN_IQN)))).ok().json().path("id").asText();
        String group = a.post("/api/v1/host-groups", Json.obj("name", "both", "hosts", List.of(chapHost, plainHost)))
            .ok().json().path("id").asText();
        lun = a.post("/api/v1/mappings/map", Json.obj("volumes", List.of(vol), "hostGroup", group)).ok()
            .item(0).path("lun").asText();
        TestApi.Resp set = a.put("/api/v1/hosts/" + chapHost + "/chap",
            Json.MAPPER.writeValueAsBytes(Map.of("username", "esx", "secret", SECRET)));
        assertThat(set.status()).as(new String(set.raw(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(set.raw(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        port = arrays.daemonA().iscsiPort();
    }

    @AfterAll
    static void stop() {
        if (arrays != null) {
            arrays.close();
        }
    }

    private static String url(String credentials) {
        return "iscsi://" + credentials + "127.0.0.1:" + port + "/iqn.2026-11.org.opensra:array-a/" + lun;
    }

    /** Runs a libiscsi tool; returns its exit code and output. */
    private static String[] tool(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        return new String[] {Integer.toString(p.exitValue()), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    @Test
    @DisplayName("SEC-1 issue 13: a host with CHAP logs in with its user and secret only; a wrong or missing secret is refused")
    void chap() throws Exception {
        assertThat(tool("iscsi-inq", "-i", CHAP_IQN, url("esx%" + SECRET + "@"))[1]).contains("Vendor:OPENSRA");
        String[] wrong = tool("iscsi-inq", "-i", CHAP_IQN, url("esx%wrong-secret-000000@"));
        assertThat(wrong[0]).isNotEqualTo("0");
        assertThat(wrong[1]).doesNotContain("Vendor:OPENSRA");
        String[] wrongUser = tool("iscsi-inq", "-i", CHAP_IQN, url("other%" + SECRET + "@"));
        assertThat(wrongUser[1]).doesNotContain("Vendor:OPENSRA");
        String[] none = tool("iscsi-inq", "-i", CHAP_IQN, url(""));
        assertThat(none[0]).isNotEqualTo("0");
        assertThat(none[1]).doesNotContain("Vendor:OPENSRA");
    }

    @Test
    @DisplayName("issue 13: a host without CHAP logs in without it; an initiator no host has is refused (IQNs case-insensitive)")
    void access() throws Exception {
        assertThat(tool("iscsi-inq", "-i", PLAIN_IQN.toUpperCase(java.util.Locale.ROOT), url(""))[1]).contains("Vendor:OPENSRA");
        String[] stranger = tool("iscsi-inq", "-i", "iqn.2026-12.test:stranger", url(""));
        assertThat(stranger[0]).isNotEqualTo("0");
        assertThat(stranger[1]).doesNotContain("Vendor:OPENSRA");
        String[] listed = tool("iscsi-ls", "-i", PLAIN_IQN, "-s", "iscsi://127.0.0.1:" + port);
        assertThat(listed[1]).contains("iqn.2026-11.org.opensra:array-a").contains("Lun:" + lun);
    }

    @Test
    @DisplayName("SEC-1 the CHAP secret is in no file of the data folder in clear and in no API answer")
    void secretAtRest() throws Exception {
        byte[] needle = SECRET.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir.resolve("arrays"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                assertThat(org.opensra.array.tls.WireRecorder.indexOf(content, needle)).as("secret in clear in %s", f).isEqualTo(-1);
            }
        }
        assertThat(new String(arrays.apiA().get("/api/v1/hosts").ok().raw(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }
}
