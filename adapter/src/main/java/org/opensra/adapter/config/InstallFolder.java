package org.opensra.adapter.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds the SRA install folder (the folder of command.pl) from where the adapter's jar lies:
 * {@code <install>/lib/opensra-adapter.jar}. The system property {@code opensra.sra.home} overrides it.
 */
public final class InstallFolder {
    public static final String PROPERTY = "opensra.sra.home";

    private InstallFolder() {
    }

    public static Path locate() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip()).toAbsolutePath();
        }
        Path code = codeLocation();
        if (code == null) {
            return Path.of("").toAbsolutePath();
        }
        return fromCodeLocation(code);
    }

    /** {@code .../lib/x.jar} gives {@code ...}; a classes folder gives its parent. */
    static Path fromCodeLocation(Path code) {
        Path folder = Files.isDirectory(code) ? code : code.getParent();
        Path parent = folder == null ? null : folder.getParent();
        return parent == null ? code.toAbsolutePath() : parent.toAbsolutePath();
    }

    private static Path codeLocation() {
        try {
            CodeSource source = InstallFolder.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
