package org.opensra.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The image archive: a gzip-compressed tar holding both an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/...}) and docker's {@code manifest.json} naming the same
 * blobs, as {@code docker save} writes since Docker 25, so that {@code docker load} and
 * {@code podman load} take it. The config runs as user srm in /srm/sra, exposes no port and starts
 * {@code /bin/sh}, no daemon: SRM runs each command with {@code docker exec -u srm CONTAINER perl command.pl}.
 * The image ID ({@link Result#imageId()}) is the config's digest.
 */
final class ImageArchive {
    record Result(String imageId, String archiveSha256) {
    }

    private ImageArchive() {
    }

    static Result write(Path out, Path layer, LayerTar.Result layerDigest, String tag, long epoch, List<String> packages)
            throws IOException {
        String created = Instant.ofEpochSecond(epoch).toString();
        String diffId = "sha256:" + layerDigest.sha256();
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":" + Json.str(created) + ","
                + "\"config\":{\"User\":\"srm\",\"WorkingDir\":\"/srm/sra\","
                + "\"Env\":[\"PATH=/usr/bin:/bin\",\"LANG=C.UTF-8\"],"
                + "\"Cmd\":[\"/bin/sh\"],"
                + "\"Labels\":{\"org.opencontainers.image.title\":\"OpenSRA storage replication adapter\","
                + "\"org.opencontainers.image.version\":" + Json.str(tag.substring(tag.lastIndexOf(':') + 1)) + ","
                + "\"org.opensra.sra.command\":\"perl /srm/sra/command.pl\","
                + "\"org.opensra.debian.packages\":" + Json.str(String.join(", ", packages)) + "}},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + Json.str(diffId) + "]},"
                + "\"history\":[{\"created\":" + Json.str(created) + ",\"created_by\":\"opensra image builder: Debian "
                + "packages and /srm/sra\"}]}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configDigest = sha256(configBytes);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:" + configDigest
                + "\",\"size\":" + configBytes.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":" + Json.str(diffId)
                + ",\"size\":" + layerDigest.size() + "}]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        String manifestDigest = sha256(manifestBytes);
        String repository = tag.substring(0, tag.lastIndexOf(':'));
        String version = tag.substring(tag.lastIndexOf(':') + 1);
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + manifestDigest + "\",\"size\":" + manifestBytes.length + ",\"annotations\":{"
                + "\"io.containerd.image.name\":" + Json.str("docker.io/" + repository + ":" + version) + ","
                + "\"org.opencontainers.image.ref.name\":" + Json.str(version) + "}}]}";
        String dockerManifest = "[{\"Config\":\"blobs/sha256/" + configDigest + "\",\"RepoTags\":[" + Json.str(tag)
                + "],\"Layers\":[\"blobs/sha256/" + layerDigest.sha256() + "\"]}]";

        Files.createDirectories(out.toAbsolutePath().getParent());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        MessageDigest sha = LayerTar.sha256();
        try (OutputStream file = Files.newOutputStream(partial);
             DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha);
             GZIPOutputStream gzip = new GZIPOutputStream(digest, 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            long ms = epoch * 1000;
            directory(tar, "blobs/", ms);
            directory(tar, "blobs/sha256/", ms);
            bytes(tar, "blobs/sha256/" + configDigest, configBytes, ms);
            bytes(tar, "blobs/sha256/" + manifestDigest, manifestBytes, ms);
            TarArchiveEntry e = entry("blobs/sha256/" + layerDigest.sha256(), TarConstants.LF_NORMAL, 0644, ms);
            e.setSize(Files.size(layer));
            tar.putArchiveEntry(e);
            Files.copy(layer, tar);
            tar.closeArchiveEntry();
            bytes(tar, "index.json", index.getBytes(StandardCharsets.UTF_8), ms);
            bytes(tar, "manifest.json", dockerManifest.getBytes(StandardCharsets.UTF_8), ms);
            bytes(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), ms);
            tar.finish();
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Result("sha256:" + configDigest, HexFormat.of().formatHex(sha.digest()));
    }

    private static void directory(TarArchiveOutputStream tar, String name, long ms) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR, 0755, ms));
        tar.closeArchiveEntry();
    }

    private static void bytes(TarArchiveOutputStream tar, String name, byte[] data, long ms) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644, ms);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte flag, int mode, long ms) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag);
        e.setMode(e.getMode() & ~07777 | mode);
        e.setModTime(ms);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        return e;
    }

    private static String sha256(byte[] data) {
        return HexFormat.of().formatHex(LayerTar.sha256().digest(data));
    }
}
