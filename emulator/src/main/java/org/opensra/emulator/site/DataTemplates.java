package org.opensra.emulator.site;

import java.util.List;

/**
 * Command templates of a site's data plug-in: write and read of one device (placeholders {device} {offset}
 * {length} {file}), and optionally writeMany and readMany of several devices in one command (placeholder
 * {list}: a file with a line per device, {@code DEVICE<TAB>OFFSET<TAB>LENGTH<TAB>FILE}); empty when absent.
 */
public record DataTemplates(List<String> write, List<String> read, List<String> writeMany, List<String> readMany) {
    public DataTemplates {
        write = List.copyOf(write);
        read = List.copyOf(read);
        writeMany = List.copyOf(writeMany);
        readMany = List.copyOf(readMany);
    }

    public DataTemplates(List<String> write, List<String> read) {
        this(write, read, List.of(), List.of());
    }
}
