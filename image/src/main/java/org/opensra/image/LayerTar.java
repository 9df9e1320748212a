package org.opensra.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The image's one layer: the staged root as an uncompressed tar written the same way every time:
 * entries in name order, every time the source date, numeric owners (root, except {@code /srm/sra/conf}
 * and what it holds, owned by srm: the driver configuration the SRA and the administrator write), no
 * set-user-ID or set-group-ID bit, {@code /tmp} 1777, hard links as links.
 */
final class LayerTar {
    record Result(String sha256, long size) {
    }

    private static final String CONF = RootFileSystem.SRA + "/conf";

    private LayerTar() {
    }

    static Result write(Path root, Path tar, long epochSeconds) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream file = Files.newOutputStream(tar);
             DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha);
             TarArchiveOutputStream out = new TarArchiveOutputStream(digest)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Map<String, String> firstOfInode = new HashMap<>();
            add(root, root, out, epochSeconds, firstOfInode);
            out.finish();
        }
        return new Result(HexFormat.of().formatHex(sha.digest()), Files.size(tar));
    }

    private static void add(Path root, Path dir, TarArchiveOutputStream out, long epoch, Map<String, String> inodes)
            throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString())).toList();
        }
        for (Path p : children) {
            String name = root.relativize(p).toString();
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,ino,dev,nlink", LinkOption.NOFOLLOW_LINKS);
            int mode = ((Integer) a.get("mode")) & 07777 & ~06000;
            if (name.equals("tmp")) {
                mode = 01777;
            }
            TarArchiveEntry e;
            boolean content = false;
            if (Files.isSymbolicLink(p)) {
                e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(p).toString());
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                e = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
            } else {
                String key = a.get("dev") + ":" + a.get("ino");
                String first = ((Integer) a.get("nlink")) > 1 ? inodes.putIfAbsent(key, name) : null;
                if (first != null) {
                    e = new TarArchiveEntry(name, TarConstants.LF_LINK);
                    e.setLinkName(first);
                } else {
                    e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
                    e.setSize(Files.size(p));
                    content = true;
                }
            }
            boolean srm = name.equals(CONF) || name.startsWith(CONF + "/");
            e.setMode(e.getMode() & ~07777 | mode);
            e.setModTime(epoch * 1000);
            e.setUserId(srm ? RootFileSystem.SRM_UID : 0);
            e.setGroupId(srm ? RootFileSystem.SRM_UID : 0);
            e.setUserName("");
            e.setGroupName("");
            out.putArchiveEntry(e);
            if (content) {
                Files.copy(p, out);
            }
            out.closeArchiveEntry();
            if (e.isDirectory()) {
                add(root, p, out, epoch, inodes);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
