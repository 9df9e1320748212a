package org.opensra.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled runtime's startup archive, made inside the image root so that the paths it records are
 * the image's ({@code /srm/sra/...}): the SRA runs once there, as root, through {@code sra-in-root}
 * (chroot in a private mount namespace): its install step {@code perl /srm/sra/command.pl --make-archive}
 * (a new {@code *.aot} or {@code *.jsa} under /srm/sra must appear). Then every time in the root
 * is set to the source date, the archive's check record (command.pl's {@code cds/NAME.jsa.checked}: size and
 * time of the archive it verified) is written for that time, and a second run must leave /srm/sra as it is,
 * with no CDS warning: the SRA in the image uses the archive instead of making another (as user srm it
 * could not: /srm/sra is read-only for srm).
 * Where the SRA cannot be run inside the root (not root, no user namespaces) the image is built
 * without the archive, said in a warning: its commands then start about twice as slowly.
 */
final class StartupArchive {
    private static final String WORK = "tmp/opensra-image";

    private StartupArchive() {
    }

    static void make(Path root, String warmup, long epoch, Path sraInRoot) throws IOException, InterruptedException {
        Commands.Result probe = Commands.run(List.of(sraInRoot.toString(), root.toString(), "0:0", "perl", "-e", "1"),
                null, null);
        if (probe.exit() != 0) {
            System.out.println("image: WARNING: cannot run the SRA inside the image root (needs root or user namespaces:"
                    + " " + probe.output().strip() + "); the image is built WITHOUT the startup archive");
            return;
        }
        Path sra = root.resolve(RootFileSystem.SRA);
        List<String> archivesBefore = archives(sra);
        RootFileSystem.setTimes(root, epoch);
        make(root, warmup, sraInRoot);
        RootFileSystem.setTimes(root, epoch);
        for (Path record : list(sra.resolve("cds"), ".checked")) {
            Path archive = record.resolveSibling(record.getFileName().toString().replaceFirst("\\.checked$", ""));
            Files.writeString(record, Files.size(archive) + " " + epoch + "\n", StandardCharsets.US_ASCII);
        }
        RootFileSystem.setTimes(root, epoch);
        List<String> made = archives(sra);
        made.removeAll(archivesBefore);
        if (made.isEmpty()) {
            throw new IllegalStateException("image: the SRA's first run in the image root made no startup archive (*.aot, *.jsa)"
                    + " under /srm/sra (`" + warmup + "`)");
        }
        List<String> before = describe(sra);
        String output = run(root, "perl /srm/sra/command.pl", sraInRoot, "checking the startup archive");
        List<String> after = describe(sra);
        if (!before.equals(after) || output.contains("[cds")) {
            List<String> changed = new ArrayList<>(after);
            changed.removeAll(before);
            throw new IllegalStateException("image: the startup archive made in the image root is not used by the SRA's"
                    + " next run: it changed " + changed + " under /srm/sra; output: " + output.strip());
        }
        System.out.println("image: startup archive " + made);
    }

    /**
     * Runs the SRA's install step ({@code perl /srm/sra/command.pl --make-archive jsa}) in the root as root: a
     * training run lists the classes a queryInfo loads, and {@code -Xshare:dump} writes a static archive of them,
     * the same bytes from the same list (measured on JDK 25 under load: a dynamic dump differed from build to
     * build, its method order following the addresses malloc gave the symbols). The JVMs run interpreted with
     * unrandomized addresses (setarch -R), and the SRA's main thread waits for the command instead of loading
     * the heartbeat's classes beside it after 500 ms (opensra.quickMillis), so the list is the same too.
     */
    private static void make(Path root, String makeArchive, Path sraInRoot) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("setarch", "x86_64", "-R", sraInRoot.toString(),
                root.toString(), "0:0"));
        command.addAll(Arrays.asList(makeArchive.trim().split("\\s+")));
        Commands.Result r = Commands.run(command, null, new byte[0],
                "-Xint -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Dopensra.quickMillis=3600000");
        if (r.exit() != 0) {
            throw new IllegalStateException("image: making the startup archive: `" + String.join(" ", command)
                    + "` exited " + r.exit() + " with output: " + r.output().strip());
        }
    }

    /**
     * Runs a queryInfo through the SRA in the root as user srm, as the appliance runs it (srm cannot write
     * /srm/sra: the command uses the archive as it is, checking it as it maps it); its output.
     */
    private static String run(Path root, String sraCommand, Path sraInRoot, String what)
            throws IOException, InterruptedException {
        Path work = root.resolve(WORK);
        RootFileSystem.clear(work);
        Files.createDirectories(work);
        Files.setAttribute(work, "unix:uid", RootFileSystem.SRM_UID);
        Files.setAttribute(work, "unix:gid", RootFileSystem.SRM_UID);
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\">\n"
                + "  <Name>queryInfo</Name>\n"
                + "  <OutputFile>/" + WORK + "/response.xml</OutputFile>\n"
                + "  <StatusFile>/" + WORK + "/status.xml</StatusFile>\n"
                + "  <LogLevel>info</LogLevel>\n"
                + "  <LogDirectory>/" + WORK + "</LogDirectory>\n"
                + "</Command>\n";
        String srm = RootFileSystem.SRM_UID + ":" + RootFileSystem.SRM_UID;
        List<String> command = new ArrayList<>(List.of(sraInRoot.toString(), root.toString(), srm));
        command.addAll(Arrays.asList(sraCommand.trim().split("\\s+")));
        Commands.Result r = Commands.run(command, null, request.getBytes(StandardCharsets.UTF_8), null);
        Path response = work.resolve("response.xml");
        String text = Files.isRegularFile(response) ? Files.readString(response, StandardCharsets.UTF_8) : "";
        if (r.exit() != 0 || !text.contains("<Response")) {
            throw new IllegalStateException("image: " + what + ": `" + String.join(" ", command) + "` exited " + r.exit()
                    + " with output: " + r.output().strip() + "; response: " + text);
        }
        RootFileSystem.clear(work);
        return r.output();
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Every file under {@code dir}: path, size and time. */
    private static List<String> describe(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.add(dir.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() / 1000);
            }
        }
        return out;
    }

    private static List<String> archives(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jsa")
                    || p.getFileName().toString().endsWith(".aot"))
                    .map(p -> dir.relativize(p).toString()).sorted().toList());
        }
    }
}
