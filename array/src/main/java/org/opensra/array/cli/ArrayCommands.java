package org.opensra.array.cli;

import org.opensra.array.Json;
import org.opensra.array.security.OwnerOnlyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code array info}, {@code peer add|list}. */
public final class ArrayCommands {
    private ArrayCommands() {
    }

    @Command(name = "array", description = "The array itself.", subcommands = {Info.class, Show.class, Compact.class})
    public static final class ArrayCmd {
    }

    @Command(name = "info", description = "Array id, model, software, TLS certificate fingerprint, peers and storage ports.")
    static final class Info implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/array"));
            return 0;
        }
    }

    @Command(name = "show", description = "The array (with its TLS certificate fingerprint) and its space: live, snapshot and reclaimable bytes of the data file.")
    static final class Show implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            ApiClient client = admin.client();
            com.fasterxml.jackson.databind.node.ObjectNode out =
                (com.fasterxml.jackson.databind.node.ObjectNode) client.get("/api/v1/array?probe=false");
            out.set("space", client.get("/api/v1/array/space"));
            Output.print(out);
            return 0;
        }
    }

    @Command(name = "compact", description = "Give the data file's reclaimable space back now (one compaction pass; the"
        + " daemon also compacts in the background, see serve --compaction-mb-s).")
    static final class Compact implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--mb-s", defaultValue = "0", description = "rate limit in MB/s (0, the default: as fast as the disk goes)")
        double mbPerSecond;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/array/compact", Json.obj("mbPerSecond", mbPerSecond)));
            return 0;
        }
    }

    @Command(name = "peer", description = "Peer arrays (replication partners).", subcommands = {PeerAdd.class, PeerList.class})
    public static final class PeerCmd {
    }

    @Command(name = "add", description = "Link this array to a peer array (its credential is stored encrypted).")
    static final class PeerAdd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--peer-id", required = true)
        String peerId;

        @Option(names = "--peer-address", required = true)
        String peerAddress;

        @Option(names = "--peer-user", required = true)
        String peerUser;

        @Option(names = "--peer-password-file", required = true)
        Path peerPasswordFile;

        @Option(names = "--peer-fingerprint", description = "SHA-256 fingerprint of the peer's TLS certificate"
            + " (as the peer's `serve` prints it): this array then trusts that certificate only")
        String peerFingerprint;

        @Override
        public Integer call() {
            char[] pw;
            try {
                pw = OwnerOnlyFiles.readPassword(peerPasswordFile);
            } catch (IOException e) {
                throw new CliException("cannot read password file " + peerPasswordFile + ": " + e.getMessage());
            }
            Output.print(admin.client().post("/api/v1/peers", Json.obj("id", peerId, "address", peerAddress,
                "username", peerUser, "password", new String(pw), "fingerprint", peerFingerprint)));
            return 0;
        }
    }

    @Command(name = "list", description = "Peers and whether they answer.")
    static final class PeerList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/peers"));
            return 0;
        }
    }
}
