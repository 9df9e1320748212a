package org.opensra.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-site lab for the fake SRA (test resources fakesra/): the SRA folder with optional faults,
 * the array folder, and site files with connection values, stop/start commands and the data plug-in.
 */
final class FakeLab {
    static final String PASSWORD = "s3cret-Passw0rd";
    static final String USERNAME = "srmadmin";

    final Path root;
    final Path sraDir;
    final Path labDir;
    final Path report;

    FakeLab(Path root, String... faults) throws IOException {
        this.root = root;
        this.sraDir = Files.createDirectories(root.resolve("sra"));
        this.labDir = Files.createDirectories(root.resolve("lab"));
        this.report = root.resolve("report");
        Files.createDirectories(labDir.resolve("A"));
        Files.createDirectories(labDir.resolve("B"));
        copy("command.pl");
        copy("fakedata.pl");
        Files.writeString(sraDir.resolve("faults"), String.join("\n", faults) + "\n");
        site("A", true);
        site("B", true);
    }

    private void copy(String name) throws IOException {
        try (InputStream in = FakeLab.class.getResourceAsStream("/fakesra/" + name)) {
            Files.copy(in, sraDir.resolve(name));
        }
    }

    Path siteFile(String site) {
        return root.resolve(site + ".json");
    }

    void site(String site, boolean withData) throws IOException {
        ObjectMapper m = new ObjectMapper();
        var o = m.createObjectNode();
        var c = o.putObject("connection");
        c.put("id", "array");
        c.putObject("addresses").put("managementAddress", labDir.resolve(site).toString());
        c.put("username", USERNAME);
        c.put("password", PASSWORD);
        String down = labDir.resolve(site).resolve("down").toString();
        o.putArray("stop").add("touch").add(down);
        o.putArray("start").add("rm").add("-f").add(down);
        if (withData) {
            var d = o.putObject("data");
            String plugin = sraDir.resolve("fakedata.pl").toString();
            for (String op : List.of("write", "read")) {
                var a = d.putArray(op);
                a.add("perl").add(plugin).add(op).add(labDir.toString()).add(site).add("{device}").add("{offset}");
                if (op.equals("read")) {
                    a.add("{length}");
                }
                a.add("{file}");
            }
            for (String op : List.of("writeMany", "readMany")) {
                d.putArray(op).add("perl").add(plugin).add(op).add(labDir.toString()).add(site).add("{list}");
            }
        }
        m.writerWithDefaultPrettyPrinter().writeValue(siteFile(site).toFile(), o);
    }

    /** Runs srm-emulator run against this lab; returns the exit status. */
    int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--sra", sraDir.resolve("command.pl").toString(),
                "--protected", siteFile("A").toString(), "--recovery", siteFile("B").toString(),
                "--report", report.toString(), "--quiet", "--min-poll-ms", "20"));
        args.addAll(List.of(extra));
        return EmulatorMain.execute(args.toArray(String[]::new));
    }

    JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(report.resolve("summary.json").toFile());
    }

    /** Violations of one requirement, as "ID: message" lines. */
    List<String> violations(String id) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode v : summary().path("violations")) {
            if (v.path("requirement").asText().equals(id)) {
                out.add(id + ": " + v.path("message").asText());
            }
        }
        return out;
    }

    /** The requirement IDs with at least one violation. */
    java.util.Set<String> violatedIds() throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode v : summary().path("violations")) {
            out.add(v.path("requirement").asText());
        }
        return out;
    }

    List<String> allViolations() throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode v : summary().path("violations")) {
            out.add(v.path("requirement").asText() + ": " + v.path("message").asText() + " ["
                    + v.path("command").asText() + "]");
        }
        return out;
    }

    String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
