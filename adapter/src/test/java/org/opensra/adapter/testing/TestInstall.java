package org.opensra.adapter.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An SRA install folder assembled from this build, as dist lays it out: {@code sra/command.pl} from
 * dist's sources, {@code sra/lib/*.jar} (adapter classes, test classes with the test driver, protocol,
 * spi), {@code sra/conf/opensra.properties} naming the test driver and {@code sra/jre}, the runtime
 * command.pl runs: a link to the JDK running the tests (dist links a real one with jlink).
 */
public final class TestInstall {
    private TestInstall() {
    }

    public static Path create(Path root) throws IOException {
        Path sra = Files.createDirectories(root.resolve("sra"));
        Path lib = Files.createDirectories(sra.resolve("lib"));
        Files.copy(Path.of("..", "dist", "src", "main", "dist", "sra", "command.pl"), sra.resolve("command.pl"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(sra.resolve("conf"));
        Files.writeString(sra.resolve("conf/opensra.properties"), "driver=" + TestDriverFactory.NAME + "\n");
        if (!Files.exists(sra.resolve("jre"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(sra.resolve("jre"), Path.of(System.getProperty("java.home")).toRealPath());
        }
        jar(Path.of("target", "classes"), lib.resolve("opensra-adapter.jar"));
        jar(Path.of("target", "test-classes"), lib.resolve("opensra-adapter-tests.jar"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.toString();
            for (String module : List.of("protocol", "spi")) {
                if (name.contains("opensra-" + module) || name.contains(File.separator + module + File.separator)) {
                    if (Files.isDirectory(path)) {
                        jar(path, lib.resolve("opensra-" + module + ".jar"));
                    } else {
                        Files.copy(path, lib.resolve("opensra-" + module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return sra;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
