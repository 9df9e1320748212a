package org.opensra.array.cli;

import org.opensra.array.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lab up|down|stop-site|start-site [--dir DIR] [--site A|B]}. */
@Command(name = "lab", description = "Two linked arrays (site A, site B) on loopback.",
    subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.StopSite.class, LabCommand.StartSite.class})
public final class LabCommand {
    static class DirOption {
        @Option(names = "--dir", defaultValue = ".lab", description = "lab folder (default .lab)")
        Path dir;
    }

    @Command(name = "up", description = "Start both arrays (sample data on the first start); writes DIR/sites.json.")
    static final class Up extends DirOption implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Lab lab = new Lab(dir);
            lab.up();
            System.out.println("lab up: " + lab.sitesFile());
            return 0;
        }
    }

    @Command(name = "down", description = "Stop both arrays and wait until they are gone (data is kept).")
    static final class Down extends DirOption implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            new Lab(dir).down();
            System.out.println("lab down");
            return 0;
        }
    }

    @Command(name = "stop-site", description = "Stop one site's array (disaster).")
    static final class StopSite extends DirOption implements Callable<Integer> {
        @Option(names = "--site", required = true)
        String site;

        @Override
        public Integer call() throws Exception {
            new Lab(dir).stopSite(site);
            return 0;
        }
    }

    @Command(name = "start-site", description = "Start one site's array again (same address).")
    static final class StartSite extends DirOption implements Callable<Integer> {
        @Option(names = "--site", required = true)
        String site;

        @Override
        public Integer call() throws Exception {
            new Lab(dir).startSite(site);
            return 0;
        }
    }
}
