package org.opensra.array.tls;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.Bytes;
import org.opensra.array.Json;
import org.opensra.array.TestApi;
import org.opensra.array.TwoArrays;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: every byte between a client and an array and between the two arrays during a sync goes
 * through a recording relay; no password, no Basic credential, no ticket and no block of volume data
 * appears in the recording.
 */
class WireRecordingTest {
    private static final int MB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("SEC-1 no password, ticket or volume data on the wire: client to array and array to array (API and transfer port)")
    void nothingInClear() throws Exception {
        try (TwoArrays arrays = new TwoArrays(tmp, true)) {
            int portA = arrays.daemonA().address().getPort();
            int portB = arrays.daemonB().address().getPort();
            int transferB = arrays.daemonB().transferPort();
            try (WireRecorder clientToA = new WireRecorder(portA);
                 WireRecorder aToB = new WireRecorder(portB);
                 WireRecorder aToBData = new WireRecorder(transferB)) {
                // A reaches its peer B through the relays only (pinned as before)
                arrays.apiA().post("/api/v1/peers", Json.obj("id", "array-b", "address", "https://127.0.0.2:" + portB,
                    "username", TwoArrays.PEER, "password", TwoArrays.PEER_PASS_B,
                    "fingerprint", arrays.daemonB().tlsFingerprint())).ok();
                TestApi a = new TestApi("127.0.0.2:" + portA, TwoArrays.USER, TwoArrays.PASS_A, arrays.daemonA().tlsFingerprint());
                byte[] data = Bytes.random(42, 2 * MB);
                String v = a.createVolume("wire vol", 4 * MB);
                a.write(v, 0, data);
                a.post("/api/v1/replication/pairs", Map.of("volume", v, "peer", "array-b", "rpoSeconds", 0)).ok();
                JsonNode job = a.syncAndWait(List.of(v), List.of());
                assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("complete");
                String replica = a.get("/api/v1/volumes/" + v).ok().json().path("replication").path("peerVolumeId").asText();
                assertThat(Arrays.copyOf(arrays.apiB().read(replica), data.length)).isEqualTo(data);

                assertThat(aToBData.recorded().length).as("the blocks went through the transfer relay")
                    .isGreaterThan(data.length);
                assertThat(clientToA.recorded().length).as("the client's data went through its relay")
                    .isGreaterThan(data.length);
                for (WireRecorder w : List.of(clientToA, aToB, aToBData)) {
                    byte[] rec = w.recorded();
                    for (String secret : List.of(TwoArrays.PASS_A, TwoArrays.PASS_B, TwoArrays.PEER_PASS_A,
                            TwoArrays.PEER_PASS_B, WireRecorder.basic(TwoArrays.USER, TwoArrays.PASS_A), WireRecorder.basic(TwoArrays.PEER, TwoArrays.PEER_PASS_B),
                            "Authorization", "ticket", "HTTP/1.1")) {
                        assertThat(WireRecorder.indexOf(rec, secret.getBytes(StandardCharsets.UTF_8))).as(secret).isEqualTo(-1);
                    }
                    for (int off = 0; off < data.length; off += 65536 + 4099) {
                        assertThat(WireRecorder.indexOf(rec, Arrays.copyOfRange(data, off, off + 64))).as("data at " + off).isEqualTo(-1);
                    }
                }
            }
        }
    }
}
