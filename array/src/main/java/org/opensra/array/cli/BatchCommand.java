package org.opensra.array.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code batch volumes|pairs|groups --file F}: many creations in one call (one transaction); F holds
 * {@code {"volumes":[...]}}, {@code {"pairs":[...]}} or {@code {"groups":[...]}} ("-": stdin). Prints
 * the per-item results; exits 1 when any item failed.
 */
@Command(name = "batch", description = "Create many volumes, pairs or groups in one call (see API.md, batch create).")
public final class BatchCommand implements Callable<Integer> {
    @Mixin
    AdminOptions admin;
    @Parameters(index = "0", description = "volumes, pairs or groups")
    String what;
    @Option(names = "--file", required = true, description = "the JSON request, or - for stdin")
    String file;

    @Override
    public Integer call() {
        String path = switch (what) {
            case "volumes" -> "/api/v1/volumes/batch";
            case "pairs" -> "/api/v1/replication/pairs/batch";
            case "groups" -> "/api/v1/replication/groups/batch";
            default -> throw new CliException("batch creates volumes, pairs or groups, not " + what);
        };
        JsonNode body;
        try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            body = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + " as JSON: " + e.getMessage());
        }
        JsonNode answer = admin.client().post(path, body);
        Output.print(answer);
        for (JsonNode item : answer.path("items")) {
            if (!item.path("ok").asBoolean()) {
                return 1;
            }
        }
        return 0;
    }
}
