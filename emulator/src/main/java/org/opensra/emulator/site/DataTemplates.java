package org.opensra.emulator.site;

import java.util.List;

/** Command templates of a site's data plug-in; placeholders {device} {offset} {length} {file}. */
public record DataTemplates(List<String> write, List<String> read) {
    public DataTemplates {
        write = List.copyOf(write);
        read = List.copyOf(read);
    }
}
