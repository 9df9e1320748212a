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
        subcommands = {Create.class, ListCmd.class, Show.class, Delete.class, Write.class, Read.class, WriteMany.class,
            ReadMany.class})
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

    /**
     * One line of a {@code --list} file of write-many / read-many: {@code VOLUME OFFSET LENGTH FILE}, separated by
     * tabs (what the SRM emulator's data plug-in hands over: several devices in one command, one login).
     */
    record ListItem(String volume, long offset, long length, Path file) {
        static java.util.List<ListItem> read(Path list) {
            java.util.List<ListItem> items = new java.util.ArrayList<>();
            java.util.List<String> lines;
            try {
                lines = Files.readAllLines(list);
            } catch (IOException e) {
                throw new CliException("cannot read list file " + list + ": " + e.getMessage());
            }
            for (int n = 0; n < lines.size(); n++) {
                if (lines.get(n).isBlank()) {
                    continue;
                }
                String[] f = lines.get(n).split("\t", -1);
                try {
                    if (f.length != 4 || f[0].isEmpty() || f[3].isEmpty()) {
                        throw new NumberFormatException();
                    }
                    items.add(new ListItem(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Path.of(f[3])));
                } catch (NumberFormatException e) {
                    throw new CliException(list + " line " + (n + 1) + ": expected VOLUME, OFFSET, LENGTH and FILE"
                        + " separated by tabs");
                }
            }
            return items;
        }
    }

    @Command(name = "write-many", description = "Write files into volumes, one per line of a list file "
        + "(VOLUME<TAB>OFFSET<TAB>LENGTH<TAB>FILE; the whole file is written, LENGTH is its size), in one session.")
    static final class WriteMany implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--list", required = true)
        Path list;

        @Override
        public Integer call() {
            return eachItem(admin, list, "written", (client, item) -> {
                if (!Files.isReadable(item.file())) {
                    throw new CliException("cannot read input file " + item.file());
                }
                client.put("/api/v1/volumes/" + enc(item.volume()) + "/data?offset=" + item.offset(), out -> {
                    try (InputStream is = Files.newInputStream(item.file())) {
                        is.transferTo(out);
                    }
                });
            });
        }
    }

    @Command(name = "read-many", description = "Read volumes into files, one per line of a list file "
        + "(VOLUME<TAB>OFFSET<TAB>LENGTH<TAB>FILE), in one session.")
    static final class ReadMany implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--list", required = true)
        Path list;

        @Override
        public Integer call() {
            return eachItem(admin, list, "read", (client, item) -> client.download("/api/v1/volumes/"
                + enc(item.volume()) + "/data?offset=" + item.offset() + "&length=" + item.length(), is -> {
                    try (OutputStream os = Files.newOutputStream(item.file())) {
                        is.transferTo(os);
                    }
                }));
        }
    }

    private interface ItemCall {
        void run(ApiClient client, ListItem item);
    }

    /** Runs {@code call} for each line of a list file in one session; prints how many and their bytes. */
    private static int eachItem(AdminOptions admin, Path list, String done, ItemCall call) {
        java.util.List<ListItem> items = ListItem.read(list);
        ApiClient client = admin.client();
        long bytes = 0;
        for (ListItem item : items) {
            call.run(client, item);
            bytes += sizeOf(item.file());
        }
        Output.print(Json.obj(done, items.size(), "bytes", bytes));
        return 0;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CliException("cannot stat " + file);
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
