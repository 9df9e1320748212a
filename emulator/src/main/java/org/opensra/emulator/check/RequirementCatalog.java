package org.opensra.emulator.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The requirement IDs of the SRA 2.0 digest, bundled as a resource (ID TAB text per line). */
public final class RequirementCatalog {
    private RequirementCatalog() {
    }

    public static List<Requirement> load() {
        List<Requirement> out = new ArrayList<>();
        try (InputStream in = RequirementCatalog.class.getResourceAsStream("/org/opensra/emulator/requirements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("requirements.tsv missing from the emulator jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(new Requirement(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
