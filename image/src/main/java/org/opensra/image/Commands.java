package org.opensra.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command (apt-get, dpkg-deb, sra-in-root) and returns its output, or fails with it. */
final class Commands {
    record Result(int exit, String output) {
    }

    private Commands() {
    }

    static Result run(List<String> command, Path directory, byte[] stdin) throws IOException, InterruptedException {
        return run(command, directory, stdin, null);
    }

    /** {@code javaToolOptions}: JAVA_TOOL_OPTIONS for the command, or null for none. */
    static Result run(List<String> command, Path directory, byte[] stdin, String javaToolOptions)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException ignored) {
            // the command did not read its input; its exit status tells
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("image: timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static String require(List<String> command, Path directory) throws IOException, InterruptedException {
        Result r = run(command, directory, null);
        if (r.exit() != 0) {
            throw new IllegalStateException("image: `" + String.join(" ", command) + "` failed (" + r.exit() + "): "
                    + r.output().strip());
        }
        return r.output();
    }
}
