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

import static org.opensra.array.cli.ApiClient.enc;

/** {@code pair create}, {@code group create}, {@code replication ...}, {@code job show}. */
public final class ReplicationCommands {
    private ReplicationCommands() {
    }

    @Command(name = "pair", description = "Replication pairs.", subcommands = {PairCreate.class})
    public static final class PairCmd {
    }

    @Command(name = "create", description = "Replicate a volume to a peer array (creates the replica there).")
    static final class PairCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--volume", required = true)
        String volume;
        @Option(names = "--peer", required = true)
        String peer;
        @Option(names = "--rpo", defaultValue = "300", description = "seconds between scheduled syncs (0: on demand only)")
        int rpo;
        @Option(names = "--keep", defaultValue = "5", description = "recovery points kept at the target")
        int keep;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/replication/pairs", Json.obj("volume", volume, "peer", peer,
                "rpoSeconds", rpo, "keep", keep)));
            return 0;
        }
    }

    @Command(name = "group", description = "Replicated consistency groups.", subcommands = {GroupCreate.class})
    public static final class GroupCmd {
    }

    @Command(name = "create", description = "Replicate volumes as one consistency group.")
    static final class GroupCreate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--volume", required = true)
        List<String> volumes;
        @Option(names = "--peer", required = true)
        String peer;
        @Option(names = "--rpo", defaultValue = "300")
        int rpo;
        @Option(names = "--keep", defaultValue = "5")
        int keep;

        @Override
        public Integer call() {
            Output.print(admin.client().post("/api/v1/replication/groups", Json.obj("name", name, "volumes", volumes,
                "peer", peer, "rpoSeconds", rpo, "keep", keep)));
            return 0;
        }
    }

    /** --volume / --group lists shared by the batch operations. */
    static final class Targets {
        @Option(names = "--volume", description = "volume id (repeatable)")
        List<String> volumes = new ArrayList<>();
        @Option(names = "--group", description = "consistency group id (repeatable)")
        List<String> groups = new ArrayList<>();

        Map<String, Object> body() {
            if (volumes.isEmpty() && groups.isEmpty()) {
                throw new CliException("give at least one --volume or --group");
            }
            return Json.obj("volumes", volumes, "groups", groups);
        }
    }

    @Command(name = "replication", description = "Replication status and operations.",
        subcommands = {ListCmd.class, Status.class, Sync.class, Op.Demote.class, Op.Promote.class, Op.Reverse.class,
            Op.Restore.class, Points.class})
    public static final class ReplicationCmd {
    }

    @Command(name = "list", description = "All pairs and groups with roles, states and recovery points.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/replication"));
            return 0;
        }
    }

    @Command(name = "status", description = "Replication health: peers, pair and group states, last errors.")
    static final class Status implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/replication/health"));
            return 0;
        }
    }

    @Command(name = "sync", description = "Sync now; prints the job ids (with --wait, waits for them).")
    static final class Sync implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        Targets targets;
        @Option(names = "--wait", description = "wait until the jobs end")
        boolean waitForJobs;

        @Override
        public Integer call() throws InterruptedException {
            ApiClient api = admin.client();
            JsonNode ans = api.post("/api/v1/replication/sync", targets.body());
            if (!waitForJobs) {
                Output.print(ans);
                return failed(ans) ? 1 : 0;
            }
            List<JsonNode> jobs = new ArrayList<>();
            for (JsonNode item : ans.path("items")) {
                if (item.path("ok").asBoolean()) {
                    JsonNode j;
                    do {
                        Thread.sleep(200);
                        j = api.get("/api/v1/jobs/" + enc(item.path("jobId").asText()));
                    } while ("running".equals(j.path("state").asText()));
                    jobs.add(j);
                } else {
                    jobs.add(item);
                }
            }
            Output.print(Json.obj("jobs", jobs));
            return jobs.stream().anyMatch(j -> !"complete".equals(j.path("state").asText())) ? 1 : 0;
        }
    }

    static boolean failed(JsonNode batch) {
        for (JsonNode item : batch.path("items")) {
            if (!item.path("ok").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    static final class Op {
        private Op() {
        }

        abstract static class Base implements Callable<Integer> {
            @Mixin
            AdminOptions admin;
            @Mixin
            Targets targets;

            abstract String path();

            Map<String, Object> body() {
                return targets.body();
            }

            @Override
            public Integer call() {
                JsonNode ans = admin.client().post("/api/v1/replication/" + path(), body());
                Output.print(ans);
                return failed(ans) ? 1 : 0;
            }
        }

        @Command(name = "demote", description = "Make source volumes read-only (pre-failover snapshot first).")
        static final class Demote extends Base {
            String path() {
                return "demote";
            }
        }

        @Command(name = "promote", description = "Make replicas writable (snapshot first; works with the peer down).")
        static final class Promote extends Base {
            @Option(names = "--recovery-point", description = "recovery point id (default: latest)")
            String rp;

            String path() {
                return "promote";
            }

            @Override
            Map<String, Object> body() {
                Map<String, Object> b = targets.body();
                b.put("recoveryPoint", rp);
                return b;
            }
        }

        @Command(name = "reverse", description = "The promoted side becomes the source; the old source receives changes.")
        static final class Reverse extends Base {
            String path() {
                return "reverse";
            }
        }

        @Command(name = "restore", description = "Discard the target's changes since failover; the original source resumes.")
        static final class Restore extends Base {
            String path() {
                return "restore";
            }
        }
    }

    @Command(name = "recovery-points", description = "Recovery points of a replica or group.")
    static final class Points implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        Targets targets;

        @Override
        public Integer call() {
            JsonNode ans = admin.client().post("/api/v1/replication/recovery-points", targets.body());
            Output.print(ans);
            return failed(ans) ? 1 : 0;
        }
    }

    @Command(name = "job", description = "Sync jobs.", subcommands = {JobShow.class})
    public static final class JobCmd {
    }

    @Command(name = "show", description = "A sync job's state, progress and bytes sent.")
    static final class JobShow implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Option(names = "--job", required = true)
        String job;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/jobs/" + enc(job)));
            return 0;
        }
    }
}
