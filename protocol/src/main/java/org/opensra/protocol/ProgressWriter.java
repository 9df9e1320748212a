package org.opensra.protocol;

import java.nio.charset.StandardCharsets;

/** One progress document for the StatusFile (INV-4): {@code <ProgressUpdate xmlns="...">N</ProgressUpdate>}. */
public final class ProgressWriter {
    private ProgressWriter() {
    }

    /** The UTF-8 bytes of one ProgressUpdate document; percent must be 0..100. */
    public static byte[] document(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progress must be 0..100, not " + percent);
        }
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ProgressUpdate xmlns=\"" + SraNamespace.URI + "\">"
                + percent + "</ProgressUpdate>\n";
        return doc.getBytes(StandardCharsets.UTF_8);
    }
}
