package org.opensra.emulator;

import org.opensra.emulator.site.SiteFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code srm-emulator}: an SRM stand-in for testing any SRA 2.0 at two sites. */
@Command(name = "srm-emulator", mixinStandardHelpOptions = true, version = {"srm-emulator 0.1.0", "Java ${java.version} (${java.home})"},
        subcommands = {RunCommand.class, DemoCommand.class},
        description = "Behaves like VMware SRM towards an SRA at two sites and checks everything the SRA 2.0 "
                + "specification can check.")
public final class EmulatorMain implements Runnable {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (0 passed, 1 violations, 2 usage or setup error). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new EmulatorMain());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof SiteFileException || ex instanceof IllegalArgumentException
                    || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                line.getErr().println("srm-emulator: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
