package org.opensra.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.array.tls.WireRecorder;
import org.opensra.driver.embedded.json.JsonObject;

/**
 * Issue 12: a recording relay in front of every port of a lab's two arrays (management API and replication
 * data), so that everything the SRA, the emulator's data plug-in and the two arrays say to each other goes
 * through it. Each relay listens on 127.0.0.2 at its array's port; the lab's sites file and each array's peer
 * address are pointed there. {@link #leaks} then looks for secrets and volume data in the recording.
 */
final class WireTap implements AutoCloseable {
    private final Map<String, WireRecorder> relays = new LinkedHashMap<>();

    private WireTap() {
    }

    /** Starts the relays and points the lab's sites file and both arrays' peers at them. */
    static WireTap inFront(Lab lab) throws IOException {
        WireTap tap = new WireTap();
        try {
            for (Lab.Site s : List.of(lab.a(), lab.b())) {
                tap.relays.put(s.name() + " api", new WireRecorder(apiPort(s)));
                tap.relays.put(s.name() + " data", new WireRecorder(transferPort(lab, s)));
            }
            peer(lab, lab.a(), lab.b());
            peer(lab, lab.b(), lab.a());
            Path sites = lab.dir().resolve("sites.json");
            String json = Files.readString(sites);
            for (Lab.Site s : List.of(lab.a(), lab.b())) {
                json = json.replace("\"" + s.address() + "\"", "\"" + relayed(s) + "\"");
            }
            Files.writeString(sites, json);
            return tap;
        } catch (IOException | RuntimeException | Error e) {
            tap.close();
            throw e;
        }
    }

    private static int apiPort(Lab.Site s) {
        return Integer.parseInt(s.address().substring(s.address().lastIndexOf(':') + 1));
    }

    private static int transferPort(Lab lab, Lab.Site s) throws IOException {
        return Integer.parseInt(Files.readString(lab.dir().resolve(s.name()).resolve("transfer.port")).strip());
    }

    private static String relayed(Lab.Site s) {
        return "127.0.0.2:" + apiPort(s);
    }

    /** {@code from} reaches its peer {@code to} through to's relay (same account, same pinned certificate). */
    private static void peer(Lab lab, Lab.Site from, Lab.Site to) {
        lab.cli(from, "peer", "add", "--peer-id", to.arrayId(), "--peer-address", "https://" + relayed(to),
                "--peer-user", "peer", "--peer-password-file", lab.dir().resolve(to.name()).resolve("peer-password").toString(),
                "--peer-fingerprint", to.fingerprint());
    }

    /** Bytes relayed per relay ("A api", "A data", "B api", "B data"). */
    Map<String, Integer> sizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        relays.forEach((name, r) -> out.put(name, r.recorded().length));
        return out;
    }

    /**
     * What the recording shows in clear: any account's password or Basic credential, an HTTP header or ticket
     * field, or a 64-byte piece of what the volumes of both arrays hold where the emulator writes its patterns.
     */
    List<String> leaks(Lab lab) throws IOException {
        Map<String, byte[]> needles = new LinkedHashMap<>();
        for (Lab.Site s : List.of(lab.a(), lab.b())) {
            Path dir = lab.dir().resolve(s.name());
            String[][] accounts = {{s.username(), "password"}, {s.sraUser(), "sra-password"}, {"peer", "peer-password"}};
            for (String[] account : accounts) {
                String password = Files.readString(dir.resolve(account[1]), StandardCharsets.UTF_8).strip();
                needles.put(s.name() + " " + account[0] + "'s password", password.getBytes(StandardCharsets.UTF_8));
                needles.put(s.name() + " " + account[0] + "'s Basic credential",
                        WireRecorder.basic(account[0], password).getBytes(StandardCharsets.UTF_8));
            }
        }
        for (String clear : List.of("Authorization", "HTTP/1.1", "ticket")) {
            needles.put("\"" + clear + "\"", clear.getBytes(StandardCharsets.UTF_8));
        }
        int volumes = 0;
        for (Lab.Site s : List.of(lab.a(), lab.b())) {
            ArrayApi api = new ArrayApi(s);
            for (JsonObject v : api.get("/api/v1/volumes").objects("volumes")) {
                byte[] data = api.read(v.string("id"), 8192, 16384);
                if (allZero(data)) {
                    continue;
                }
                volumes++;
                for (int off = 0; off + 64 <= data.length; off += 2048) {
                    needles.put(s.name() + " volume " + v.string("id") + " bytes at " + (8192 + off),
                            Arrays.copyOfRange(data, off, off + 64));
                }
            }
        }
        if (volumes == 0) {
            throw new AssertionError("no volume holds data where the emulator writes: nothing to look for");
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, WireRecorder> relay : relays.entrySet()) {
            byte[] recording = relay.getValue().recorded();
            needles.forEach((what, needle) -> {
                if (WireRecorder.indexOf(recording, needle) >= 0) {
                    found.add(what + " on the wire of " + relay.getKey());
                }
            });
        }
        return found;
    }

    private static boolean allZero(byte[] data) {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        for (WireRecorder r : relays.values()) {
            r.close();
        }
    }
}
