package org.opensra.array.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Bytes;
import org.opensra.array.TestApi;
import org.opensra.array.TwoArrays;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, least privilege: what the admin, SRA and peer accounts may call (array/API.md "Roles"). */
class RolesTest {
    private static final String SRA_PW = "sra-password-123";

    @TempDir
    Path tmp;
    TwoArrays arrays;
    TestApi admin;
    TestApi sra;

    @BeforeEach
    void start() throws Exception {
        arrays = new TwoArrays(tmp);
        admin = arrays.apiA();
        admin.post("/api/v1/users", Map.of("name", "sra", "role", "sra", "password", SRA_PW)).ok();
        sra = new TestApi(arrays.addrA(), "sra", SRA_PW);
    }

    @AfterEach
    void stop() {
        arrays.close();
    }

    private static void forbidden(TestApi.Resp r, String what) {
        assertThat(r.status()).as(what).isEqualTo(403);
        assertThat(r.json().path("error").path("code").asText()).as(what).isEqualTo("FORBIDDEN");
    }

    @Test
    @DisplayName("SEC-1 the SRA account does what SRA commands need (reads, sync, test copies) and no admin operation")
    void sraAccount() {
        String v = admin.createVolume("role vol", 1 << 20);
        admin.write(v, 0, Bytes.random(3, 65536));
        admin.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
        assertThat(sra.get("/api/v1/array").status()).isEqualTo(200);
        assertThat(sra.get("/api/v1/replication").status()).isEqualTo(200);
        JsonNode sync = sra.batch("sync", List.of(v), List.of()).item(0);
        assertThat(sync.path("ok").asBoolean()).as(sync.toString()).isTrue();
        JsonNode job = sra.awaitJob(sync.path("jobId").asText());
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("complete");

        forbidden(sra.post("/api/v1/volumes", Map.of("name", "x", "sizeBytes", 1 << 20)), "create a volume");
        forbidden(sra.delete("/api/v1/volumes/" + v), "delete a volume");
        forbidden(sra.put("/api/v1/volumes/" + v + "/data?offset=0", new byte[4096]), "write volume data");
        forbidden(sra.get("/api/v1/volumes/" + v + "/data?offset=0&length=4096"), "read volume data");
        forbidden(sra.post("/api/v1/peers", Map.of("id", "array-x", "address", "h:1", "username", "u", "password", "p")),
            "link a peer");
        forbidden(sra.post("/api/v1/users", Map.of("name", "evil", "role", "admin", "password", "evil-password-1")),
            "create an account");
        forbidden(sra.get("/api/v1/users"), "list accounts");
        forbidden(sra.post("/api/v1/array/compact", Map.of()), "compact the data file");
        forbidden(sra.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b")), "set up replication");
        forbidden(sra.post("/internal/v1/replication/become-source", Map.of("pairs", List.of("p"))), "internal route");
        assertThat(admin.get("/api/v1/volumes/" + v).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    @DisplayName("SEC-1 the peer account uses the internal routes and nothing of the admin's; the admin not the internal ones")
    void peerAccount() {
        TestApi peer = arrays.peerApiB();
        assertThat(peer.get("/internal/v1/ping").status()).isEqualTo(200);
        forbidden(peer.post("/api/v1/volumes", Map.of("name", "x", "sizeBytes", 1 << 20)), "peer creates a volume");
        forbidden(peer.get("/api/v1/volumes"), "peer lists volumes");
        forbidden(peer.post("/api/v1/array/compact", Map.of()), "peer compacts the data file");
        forbidden(arrays.apiB().get("/internal/v1/ping"), "admin on an internal route");
    }

    @Test
    @DisplayName("SEC-1 rotating an account's password refuses the old one at once; accounts are listed without secrets")
    void rotation() {
        assertThat(sra.get("/api/v1/array").status()).isEqualTo(200);
        admin.post("/api/v1/users", Map.of("name", "sra", "role", "sra", "password", "a-new-password-456")).ok();
        assertThat(sra.get("/api/v1/array").status()).isEqualTo(401);
        assertThat(new TestApi(arrays.addrA(), "sra", "a-new-password-456").get("/api/v1/array").status()).isEqualTo(200);
        JsonNode users = admin.get("/api/v1/users").ok().json();
        assertThat(users.toString()).contains("\"sra\"").contains("\"peer\"").doesNotContain("password").doesNotContain("hash");
    }

    @Test
    @DisplayName("SEC-1 requests of two accounts in flight at once, their first logins included, are each served with their own account's role, never the other's, and never refused")
    void concurrentAccountsKeepTheirRoles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean asAdmin = t % 2 == 0;
                runs.add(pool.submit(() -> {
                    int[] wrong = new int[2];
                    for (int i = 0; i < 150; i++) {
                        int status = (asAdmin ? admin : sra).get("/api/v1/users").status();
                        if (asAdmin && status != 200) {
                            wrong[0]++;
                        } else if (!asAdmin && status != 403) {
                            wrong[1]++;
                        }
                    }
                    return wrong;
                }));
            }
            int adminRefused = 0;
            int sraServed = 0;
            for (Future<int[]> f : runs) {
                int[] wrong = f.get(5, TimeUnit.MINUTES);
                adminRefused += wrong[0];
                sraServed += wrong[1];
            }
            assertThat(adminRefused).as("admin requests refused, served as another account").isZero();
            assertThat(sraServed).as("SRA-account requests to an admin route not refused").isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
