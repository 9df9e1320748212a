package org.opensra.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Debian packages of debian-packages.txt ({@code NAME VERSION} lines): downloaded with
 * {@code apt-get download} into a cache folder, one sub-folder per package, and extracted with
 * {@code dpkg-deb -x} (no maintainer script runs; none of these needs one to work).
 */
final class DebianPackages {
    record Wanted(String name, String version) {
    }

    private final List<Wanted> wanted;

    private DebianPackages(List<Wanted> wanted) {
        this.wanted = wanted;
    }

    static DebianPackages read(Path file) throws IOException {
        List<Wanted> list = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("image: " + file + ": expected `NAME VERSION`, got: " + t);
            }
            list.add(new Wanted(parts[0], parts[1]));
        }
        return new DebianPackages(list);
    }

    /** Extracts every package into {@code root}; returns {@code NAME VERSION} of what was used. */
    List<String> extract(Path cache, Path root) throws IOException, InterruptedException {
        List<String> used = new ArrayList<>();
        for (Wanted w : wanted) {
            Path deb = fetch(cache.resolve(w.name()), w);
            Commands.require(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), null);
            used.add(w.name() + " " + field(deb, "Version"));
        }
        return used;
    }

    private static Path fetch(Path dir, Wanted w) throws IOException, InterruptedException {
        Path cached = single(dir);
        if (cached != null && field(cached, "Version").equals(w.version())) {
            return cached;
        }
        RootFileSystem.clear(dir);
        Files.createDirectories(dir);
        Commands.Result r = Commands.run(List.of("apt-get", "download", "-q", w.name() + "=" + w.version()), dir, null);
        if (r.exit() != 0) {
            System.out.println("image: WARNING: Debian package " + w.name() + " " + w.version()
                    + " cannot be downloaded; using the current version (the image digest changes: update "
                    + "image/src/main/image/debian-packages.txt)");
            r = Commands.run(List.of("apt-get", "download", "-q", w.name()), dir, null);
        }
        Path deb = single(dir);
        if (r.exit() != 0 || deb == null) {
            throw new IllegalStateException("image: cannot download the Debian package " + w.name()
                    + " (is `apt-get update` done and the Debian archive reachable?): " + r.output().strip());
        }
        return deb;
    }

    private static Path single(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> debs = s.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            return debs.size() == 1 ? debs.get(0) : null;
        }
    }

    private static String field(Path deb, String name) throws IOException, InterruptedException {
        return Commands.require(List.of("dpkg-deb", "-f", deb.toString(), name), null).strip();
    }
}
