package org.opensra.emulator.sra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * How the emulator starts the SRA and where the SRA sees the request's files. Either SRM on the SRA's own
 * machine: {@code perl command.pl} in the SRA folder, OutputFile, StatusFile and LogDirectory in a private
 * temporary folder; or wherever the SRA lives, through a command prefix (an unpacked image root entered
 * with {@code sra-in-root}, {@code docker exec -i -u srm CONTAINER}, ssh), with the files in a work folder
 * both sides see: {@code hostWork} here is {@code sraWork} where the SRA runs. There the SRA may run as
 * another user (srm in an appliance image), so each command's folder is writable by every user; the
 * request, credentials included, still goes only through stdin.
 */
public record SraCommand(List<String> argv, Path directory, Path hostWork, String sraWork, String description) {

    public SraCommand {
        argv = List.copyOf(argv);
    }

    /** {@code perl command.pl} in the folder of {@code commandPl}, as SRM runs it on its own machine. */
    public static SraCommand local(Path commandPl) {
        Path pl = commandPl.toAbsolutePath();
        if (!Files.isRegularFile(pl)) {
            throw new IllegalArgumentException("SRA command.pl not found: " + commandPl);
        }
        return new SraCommand(List.of("perl", pl.getFileName().toString()), pl.getParent(), null, null, pl.toString());
    }

    /**
     * The SRA run by {@code commandLine} (words split at white space, e.g.
     * {@code docker exec -i -u srm sra perl /srm/sra/command.pl}) with request files under
     * {@code workMapping} {@code HOST_DIR=SRA_DIR}.
     */
    public static SraCommand prefixed(String commandLine, String workMapping) {
        List<String> words = new ArrayList<>(List.of(commandLine.trim().split("\\s+")));
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("--sra-command is empty");
        }
        int eq = workMapping == null ? -1 : workMapping.indexOf('=');
        if (eq <= 0 || eq == workMapping.length() - 1) {
            throw new IllegalArgumentException("--sra-work-dir must be HOST_DIR=SRA_DIR (the same folder as the emulator"
                    + " and as the SRA see it), got: " + workMapping);
        }
        Path host = Path.of(workMapping.substring(0, eq)).toAbsolutePath().normalize();
        String sra = workMapping.substring(eq + 1);
        if (!Files.isDirectory(host)) {
            throw new IllegalArgumentException("--sra-work-dir: " + host + " is not a folder");
        }
        if (!sra.startsWith("/")) {
            throw new IllegalArgumentException("--sra-work-dir: the SRA's side must be an absolute path, got: " + sra);
        }
        return new SraCommand(words, null, host, sra.endsWith("/") && sra.length() > 1
                ? sra.substring(0, sra.length() - 1) : sra, commandLine.trim() + " (work folder " + workMapping + ")");
    }

    /** A new folder for one command's OutputFile, StatusFile and LogDirectory. */
    Path newCommandFolder() throws IOException {
        if (hostWork == null) {
            return Files.createTempDirectory("srm-emulator-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path folder = Files.createTempDirectory(hostWork, "srm-emulator-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        return folder;
    }

    /** A folder inside a command folder ({@link #newCommandFolder()}), as open as its parent. */
    Path newFolder(Path path) throws IOException {
        Path dir = Files.createDirectory(path);
        if (hostWork != null) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        return dir;
    }

    /** The path the SRA sees for a file the emulator made under its command folder. */
    String sraPath(Path hostPath) {
        if (hostWork == null) {
            return hostPath.toString();
        }
        Path relative = hostWork.relativize(hostPath.toAbsolutePath().normalize());
        return sraWork + "/" + relative.toString().replace('\\', '/');
    }
}
