package org.opensra.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image root besides the Debian packages: the SRA folder at {@code /srm/sra}, user and group
 * {@code srm}, the folders a container engine mounts over ({@code /proc}, {@code /dev}, {@code /sys}),
 * {@code /tmp}; and without what nothing in the image reads (manuals, translations, changelogs; each
 * package's copyright file stays).
 */
final class RootFileSystem {
    static final int SRM_UID = 1000;
    static final String SRA = "srm/sra";

    private RootFileSystem() {
    }

    static void stage(Path root, Path sra, List<String> packages) throws IOException {
        for (String unread : List.of("usr/share/man", "usr/share/info", "usr/share/locale", "usr/share/lintian")) {
            clear(root.resolve(unread));
        }
        Path doc = root.resolve("usr/share/doc");
        if (Files.isDirectory(doc)) {
            try (Stream<Path> files = Files.walk(doc)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    boolean keep = p.equals(doc) || p.getFileName().toString().equals("copyright")
                            || (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && Files.exists(p.resolve("copyright")));
                    if (!keep) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (String dir : List.of("etc", "tmp", "proc", "dev", "sys", "srm", "usr/share/opensra")) {
            Files.createDirectories(root.resolve(dir));
        }
        write(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n"
                + "srm:x:" + SRM_UID + ":" + SRM_UID + ":SRM storage replication adapter:/srm:/bin/sh\n");
        write(root.resolve("etc/group"), "root:x:0:\nsrm:x:" + SRM_UID + ":\n");
        write(root.resolve("etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        write(root.resolve("usr/share/opensra/debian-packages.txt"), String.join("\n", packages) + "\n");
        copySra(sra, root.resolve(SRA));
    }

    /** Copies the SRA folder as dist built it, without a startup archive made there (its paths are the build's). */
    private static void copySra(Path from, Path to) throws IOException {
        Path cds = from.resolve("cds");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(cds)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Every file and folder (not symbolic links: the layer gives them the time) gets the source date. */
    static void setTimes(Path root, long epochSeconds) throws IOException {
        FileTime t = FileTime.fromMillis(epochSeconds * 1000);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, t);
                }
            }
        }
    }

    static void clear(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
