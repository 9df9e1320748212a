package org.opensra.array.cli;

import org.opensra.array.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.opensra.array.cli.ApiClient.enc;

/** {@code volume ...}, {@code snapshot ...}, {@code clone ...}. */
public final class VolumeCommands {
    private VolumeCommands() {
    }

    @Command(name = "volume", description = "Volumes and their data.",
        subcommands = {Create.class, ListCmd.class, Show.class, Delete.class, Write.class, Read.class})
    public static final class VolumeCmd {
    }

    @Command(name = "create", description = "Create a volume (sparse).")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--size", required = true, description = "bytes, or with K/M/G/T suffix")
        String size;
        @Option(names = "--kind", defaultValue = "block", description = "block or file")
        String kind;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/volumes", Json.obj("name", name, "sizeBytes", Output.parseSize(size),
                "kind", kind)));
            return 0;
        }
    }

    @Command(name = "list", description = "List volumes.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/volumes"));
            return 0;
        }
    }

    @Command(name = "show", description = "Volume details.")
    static final class Show implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/volumes/" + enc(volume)));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a volume that is neither replicated nor mapped.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;

        @Override
        public Integer call() {
            Output.print(admin.client().delete("/api/v1/volumes/" + enc(volume)));
            return 0;
        }
    }

    @Command(name = "write", description = "Write a whole file into a volume at an offset.")
    static final class Write implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;
        @Option(names = "--offset", defaultValue = "0")
        long offset;
        @Option(names = "--in", required = true)
        Path in;

        @Override
        public Integer call() {
            if (!Files.isReadable(in)) {
                throw new CliException("cannot read input file " + in);
            }
            Output.print(admin.client().put("/api/v1/volumes/" + enc(volume) + "/data?offset=" + offset, out -> {
                try (InputStream is = Files.newInputStream(in)) {
                    is.transferTo(out);
                }
            }));
            return 0;
        }
    }

    @Command(name = "read", description = "Read a volume, clone, snapshot or recovery point into a file.")
    static final class Read implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true, description = "volume, clone, snapshot or recovery point id")
        String volume;
        @Option(names = "--offset", defaultValue = "0")
        long offset;
        @Option(names = "--length", description = "bytes (default: to the end)")
        Long length;
        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() {
            String q = "/api/v1/volumes/" + enc(volume) + "/data?offset=" + offset + (length == null ? "" : "&length=" + length);
            admin.client().download(q, is -> {
                try (OutputStream os = Files.newOutputStream(out)) {
                    is.transferTo(os);
                }
            });
            try {
                System.out.println(Json.MAPPER.writeValueAsString(Json.obj("bytesRead", Files.size(out), "out", out.toString())));
            } catch (IOException e) {
                throw new CliException("cannot stat " + out);
            }
            return 0;
        }
    }

    @Command(name = "snapshot", description = "Snapshots.", subcommands = {SnapCreate.class, SnapList.class})
    public static final class SnapshotCmd {
    }

    @Command(name = "create", description = "Snapshot a volume (copy-on-write, instant).")
    static final class SnapCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;
        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/volumes/" + enc(volume) + "/snapshots", Json.obj("name", name)));
            return 0;
        }
    }

    @Command(name = "list", description = "Snapshots of a volume.")
    static final class SnapList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/volumes/" + enc(volume) + "/snapshots"));
            return 0;
        }
    }

    @Command(name = "clone", description = "Clones.", subcommands = {CloneCreate.class})
    public static final class CloneCmd {
    }

    @Command(name = "create", description = "Writable copy-on-write clone of a volume, snapshot or recovery point.")
    static final class CloneCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--source", required = true)
        String source;
        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/clones", Json.obj("source", source, "name", name)));
            return 0;
        }
    }
}
