package org.opensra.array.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code host ...}, {@code hostgroup ...}, {@code map}, {@code unmap}, {@code mapping list}. */
public final class PresentationCommands {
    private PresentationCommands() {
    }

    static List<Map<String, Object>> initiators(List<String> specs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String s : specs) {
            int i = s.indexOf(':');
            if (i <= 0) {
                throw new CliException("initiator must be TYPE:ID (FC:50:01:..., iSCSI:iqn..., NFS:10.0.0.1): " + s);
            }
            out.add(Json.obj("type", s.substring(0, i), "id", s.substring(i + 1)));
        }
        return out;
    }

    @Command(name = "host", description = "Hosts and their initiators.", subcommands = {HostCreate.class, HostList.class})
    public static final class HostCmd {
    }

    @Command(name = "create", description = "Create a host with initiators.")
    static final class HostCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--initiator", description = "TYPE:ID, repeatable")
        List<String> initiators = new ArrayList<>();

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/hosts", Json.obj("name", name, "initiators", initiators(initiators))));
            return 0;
        }
    }

    @Command(name = "list", description = "List hosts.")
    static final class HostList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/hosts"));
            return 0;
        }
    }

    @Command(name = "hostgroup", description = "Host groups.", subcommands = {GroupCreate.class, GroupList.class})
    public static final class HostGroupCmd {
    }

    @Command(name = "create", description = "Create a host group.")
    static final class GroupCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--host", description = "host id, repeatable")
        List<String> hosts = new ArrayList<>();

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/host-groups", Json.obj("name", name, "hosts", hosts)));
            return 0;
        }
    }

    @Command(name = "list", description = "List host groups.")
    static final class GroupList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/host-groups"));
            return 0;
        }
    }

    @Command(name = "map", description = "Map volumes to a host group (or to initiators) and print the LUNs.")
    public static final class MapCmd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        List<String> volumes;
        @Option(names = "--host-group")
        String hostGroup;
        @Option(names = "--initiator", description = "TYPE:ID, repeatable")
        List<String> initiators = new ArrayList<>();
        @Option(names = "--lun")
        Integer lun;

        @Override
        public Integer call() {
            JsonNode ans = admin.client().post("/api/v1/mappings/map", Json.obj("volumes", volumes, "hostGroup", hostGroup,
                "initiators", initiators(initiators), "lun", lun));
            Output.print(ans);
            return ReplicationCommands.failed(ans) ? 1 : 0;
        }
    }

    @Command(name = "unmap", description = "Remove mappings of volumes.")
    public static final class UnmapCmd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        List<String> volumes;
        @Option(names = "--host-group")
        String hostGroup;
        @Option(names = "--initiator")
        List<String> initiators = new ArrayList<>();

        @Override
        public Integer call() {
            JsonNode ans = admin.client().post("/api/v1/mappings/unmap", Json.obj("volumes", volumes, "hostGroup", hostGroup,
                "initiators", initiators(initiators)));
            Output.print(ans);
            return ReplicationCommands.failed(ans) ? 1 : 0;
        }
    }

    @Command(name = "mapping", description = "LUN mappings.", subcommands = {MappingList.class})
    public static final class MappingCmd {
    }

    @Command(name = "list", description = "List LUN mappings.")
    static final class MappingList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/mappings"));
            return 0;
        }
    }
}
