package org.opensra.adapter.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The day's log file in SRM's LogDirectory, {@code opensra-<yyyyMMdd>.log}, opened for appending.
 * Each message is written with one {@code write} call on a file opened in append mode, so lines of
 * several SRA processes at once interleave whole, never mixed within a line (INV-7).
 */
final class LogFile {
    static final String PREFIX = "opensra-";
    static final String SUFFIX = ".log";

    private LogFile() {
    }

    static Path path(Path directory, long epochMillis) {
        return directory.resolve(PREFIX + Timestamps.day(epochMillis) + SUFFIX);
    }

    static OutputStream open(Path directory, long epochMillis) throws IOException {
        Files.createDirectories(directory);
        return new FileOutputStream(path(directory, epochMillis).toFile(), true);
    }
}
