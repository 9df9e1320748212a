package org.opensra.array;

import org.opensra.array.cli.ArrayCommands;
import org.opensra.array.cli.BatchCommand;
import org.opensra.array.cli.CliException;
import org.opensra.array.cli.LabCommand;
import org.opensra.array.cli.PresentationCommands;
import org.opensra.array.cli.ReplicationCommands;
import org.opensra.array.cli.ServeCommand;
import org.opensra.array.cli.UserCommands;
import org.opensra.array.cli.VolumeCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sra-array}: the daemon ({@code serve}), its admin CLI and the two-site lab. */
@Command(name = "sra-array", mixinStandardHelpOptions = true, version = {"sra-array 0.1.0", "Java ${java.version} (${java.home})"},
    description = "OpenSRA embedded replicated block array.",
    subcommands = {ServeCommand.class, ArrayCommands.ArrayCmd.class, ArrayCommands.PeerCmd.class,
        VolumeCommands.VolumeCmd.class, VolumeCommands.SnapshotCmd.class, VolumeCommands.CloneCmd.class,
        ReplicationCommands.PairCmd.class, ReplicationCommands.GroupCmd.class, ReplicationCommands.ReplicationCmd.class,
        ReplicationCommands.JobCmd.class, PresentationCommands.HostCmd.class, PresentationCommands.HostGroupCmd.class,
        PresentationCommands.MapCmd.class, PresentationCommands.UnmapCmd.class, PresentationCommands.MappingCmd.class,
        UserCommands.UserCmd.class, LabCommand.class, BatchCommand.class})
public final class ArrayMain {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure (one line on stderr), 2 usage error. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new ArrayMain());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException || e instanceof ArrayException) {
                System.err.println("sra-array: " + e.getMessage());
            } else {
                System.err.println("sra-array: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            return 1;
        });
        return cl.execute(args);
    }
}
