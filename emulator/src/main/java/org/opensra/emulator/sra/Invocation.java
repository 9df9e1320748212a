package org.opensra.emulator.sra;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One SRA command run exactly as SRM runs it: what was sent, what came back, how long it took.
 * {@code stdout} (the log SRM keeps) and {@code logDirectoryText} (files in LogDirectory plus stderr) are the raw texts (kept in memory for the log checks);
 * the copies under {@code folder} have credentials masked.
 */
public record Invocation(int seq, String site, String command, Instant start, long durationMillis,
                         int exitCode, boolean timedOut, List<Integer> progress, Path folder,
                         byte[] response, Optional<Document> document, String parseError,
                         String stdout, String logDirectoryText) {

    public Invocation {
        progress = List.copyOf(progress);
    }

    /** The Response root element, when the response parsed. */
    public Optional<Element> root() {
        return document.map(Document::getDocumentElement);
    }

    /** Folder name relative to the report's commands folder, e.g. {@code 007-B-failover}. */
    public String folderName() {
        return folder.getFileName().toString();
    }

    /** "B failover #7" for messages. */
    public String label() {
        return "site " + site + " " + command + " (#" + seq + ")";
    }

    public boolean hasResponse() {
        return response != null;
    }
}
