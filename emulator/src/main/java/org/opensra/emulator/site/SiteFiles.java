package org.opensra.emulator.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads emulator site files and a lab's {@code sites.json} (docs/ARCHITECTURE.md). */
public final class SiteFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteFiles() {
    }

    /** One site object from a site file. */
    public static SiteConfig load(Path file, String siteName) {
        return parseSite(readJson(file), siteName, file.toString());
    }

    /** Sites A (protected) and B (recovery) of a lab started with {@code sra-lab up --dir DIR}. */
    public static List<SiteConfig> loadLab(Path dir) {
        Path file = dir.resolve("sites.json");
        JsonNode root = readJson(file);
        JsonNode sites = root.path("sites");
        if (!sites.has("A") || !sites.has("B")) {
            throw new SiteFileException(file + ": expected sites A and B under \"sites\"");
        }
        return List.of(parseSite(sites.get("A"), "A", file + " site A"),
                parseSite(sites.get("B"), "B", file + " site B"));
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SiteFileException("site file not found: " + file);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SiteFileException(file + " is not valid JSON: " + e.getMessage());
        }
    }

    static SiteConfig parseSite(JsonNode site, String name, String where) {
        JsonNode c = site.path("connection");
        if (!c.isObject()) {
            throw new SiteFileException(where + ": \"connection\" is required");
        }
        String id = c.path("id").asText("");
        if (id.isEmpty()) {
            throw new SiteFileException(where + ": connection.id is required");
        }
        Map<String, String> addresses = strings(c.path("addresses"));
        if (addresses.isEmpty()) {
            throw new SiteFileException(where + ": connection.addresses needs at least one address");
        }
        String password = null;
        if (c.hasNonNull("password")) {
            password = c.get("password").asText();
        } else if (c.hasNonNull("passwordFile")) {
            Path pf = Path.of(c.get("passwordFile").asText());
            try {
                password = Files.readString(pf, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new SiteFileException(where + ": cannot read passwordFile " + pf);
            }
        }
        ConnectionValues values = new ConnectionValues(id, addresses,
                c.hasNonNull("username") ? c.get("username").asText() : null,
                new Secret(password == null ? "" : password), strings(c.path("opaques")));
        Optional<DataTemplates> data = Optional.empty();
        JsonNode d = site.path("data");
        if (d.isObject()) {
            List<String> w = list(d.path("write"));
            List<String> r = list(d.path("read"));
            if (w.isEmpty() || r.isEmpty()) {
                throw new SiteFileException(where + ": data needs both \"write\" and \"read\" command templates");
            }
            data = Optional.of(new DataTemplates(w, r, list(d.path("writeMany")), list(d.path("readMany"))));
        }
        return new SiteConfig(name, values, list(site.path("stop")), list(site.path("start")), data);
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        if (obj.isObject()) {
            obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static List<String> list(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr.isArray()) {
            arr.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
