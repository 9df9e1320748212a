package org.opensra.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the SRM appliance image archive (run by the image module at {@code package}):
 * <ol>
 * <li>a root file system from the Debian packages listed in debian-packages.txt ({@link DebianPackages}),</li>
 * <li>the SRA folder as dist assembled it at {@code /srm/sra}, user {@code srm} ({@link RootFileSystem}),</li>
 * <li>the bundled runtime's startup archive made by running the SRA inside that root ({@link StartupArchive}),</li>
 * <li>one deterministic layer and a docker-archive + OCI layout around it ({@link LayerTar}, {@link ImageArchive}).</li>
 * </ol>
 * Every time in the image is the source date ({@link SourceDate}; {@code --epoch SECONDS} gives it), so the same
 * sources and packages give the same bytes. Prints {@code image: PATH digest sha256:... size N MB}.
 */
public final class ImageMain {
    private ImageMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> a = options(args);
        Path sra = Path.of(require(a, "sra")).toAbsolutePath().normalize();
        Path work = Path.of(require(a, "work")).toAbsolutePath();
        Path out = Path.of(require(a, "out")).toAbsolutePath().normalize();
        Path packagesFile = Path.of(require(a, "packages"));
        Path repo = Path.of(a.getOrDefault("repo", "."));
        String tag = require(a, "tag");
        String warmup = a.getOrDefault("warmup", "perl /srm/sra/command.pl --make-archive jsa");

        if (!Files.isRegularFile(sra.resolve("command.pl"))) {
            throw new IllegalStateException("image: " + sra + " has no command.pl: build dist first (mvn -B package)");
        }
        if (!Files.isExecutable(sra.resolve("jre/bin/java"))) {
            throw new IllegalStateException("image: " + sra + "/jre/bin/java is missing: the image runs the SRA's bundled"
                    + " runtime (sra/jre, made by dist); build dist with it, or skip the image with -Dimage.skip");
        }
        long epoch = a.containsKey("epoch") ? Long.parseLong(a.get("epoch")) : SourceDate.epochSeconds(repo);
        Path root = work.resolve("root");
        RootFileSystem.clear(root);
        Files.createDirectories(root);

        DebianPackages packages = DebianPackages.read(packagesFile);
        List<String> used = packages.extract(work.resolve("debs"), root);
        RootFileSystem.stage(root, sra, used);
        StartupArchive.make(root, warmup, epoch, Path.of(a.getOrDefault("sra-in-root",
                packagesFile.resolveSibling("sra-in-root").toString())));
        RootFileSystem.setTimes(root, epoch);

        Path layer = work.resolve("layer.tar");
        LayerTar.Result layerResult = LayerTar.write(root, layer, epoch);
        ImageArchive.Result image = ImageArchive.write(out, layer, layerResult, tag, epoch, used);
        System.out.println(String.format(Locale.ROOT, "image: %s digest %s archive sha256:%s size %.1f MB (unpacked %.1f MB)",
                out, image.imageId(), image.archiveSha256(), Files.size(out) / 1e6, Files.size(layer) / 1e6));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("image: expected --option value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    private static String require(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("image: --" + name + " is required");
        }
        return v;
    }
}
