package org.opensra.emulator.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opensra.emulator.site.DataTemplates;

/**
 * Writes and reads device bytes at one site through the site's data command templates
 * ({device} {offset} {length} {file}).
 */
public final class DataPlugin {
    private final DataTemplates templates;
    private final long timeoutSeconds;

    public DataPlugin(DataTemplates templates, long timeoutSeconds) {
        this.templates = templates;
        this.timeoutSeconds = timeoutSeconds;
    }

    public void write(String device, long offset, byte[] bytes) throws DataPluginException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("srm-emulator-data-", ".bin");
            Files.write(tmp, bytes);
            exec(expand(templates.write(), device, offset, bytes.length, tmp));
        } catch (IOException e) {
            throw new DataPluginException("data write of " + device + " failed: " + e.getMessage());
        } finally {
            delete(tmp);
        }
    }

    public byte[] read(String device, long offset, int length) throws DataPluginException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("srm-emulator-data-", ".bin");
            exec(expand(templates.read(), device, offset, length, tmp));
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new DataPluginException("data read of " + device + " failed: " + e.getMessage());
        } finally {
            delete(tmp);
        }
    }

    /** Whether the site's plug-in has the list forms (several devices in one command). */
    public boolean batches() {
        return !templates.writeMany().isEmpty() && !templates.readMany().isEmpty();
    }

    /** One device's part of a list command. */
    public record Item(String device, long offset, byte[] bytes, int length) {
        public static Item write(String device, long offset, byte[] bytes) {
            return new Item(device, offset, bytes, bytes.length);
        }

        public static Item read(String device, long offset, int length) {
            return new Item(device, offset, null, length);
        }
    }

    /** Writes every item's bytes with one writeMany command; a failure fails them all. */
    public void writeMany(List<Item> items) throws DataPluginException {
        listCommand(templates.writeMany(), items, true);
    }

    /** Reads every item with one readMany command: the bytes per item, in order; a failure fails them all. */
    public List<byte[]> readMany(List<Item> items) throws DataPluginException {
        return listCommand(templates.readMany(), items, false);
    }

    private List<byte[]> listCommand(List<String> template, List<Item> items, boolean write) throws DataPluginException {
        List<Path> files = new ArrayList<>();
        Path list = null;
        try {
            StringBuilder lines = new StringBuilder();
            for (Item item : items) {
                Path file = Files.createTempFile("srm-emulator-data-", ".bin");
                files.add(file);
                if (write) {
                    Files.write(file, item.bytes());
                }
                lines.append(item.device()).append('\t').append(item.offset()).append('\t').append(item.length())
                        .append('\t').append(file).append('\n');
            }
            list = Files.createTempFile("srm-emulator-data-", ".list");
            Files.writeString(list, lines.toString(), StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>();
            for (String t : template) {
                cmd.add(t.replace("{list}", list.toString()));
            }
            exec(cmd);
            List<byte[]> out = new ArrayList<>();
            if (!write) {
                for (Path file : files) {
                    out.add(Files.readAllBytes(file));
                }
            }
            return out;
        } catch (IOException e) {
            throw new DataPluginException("data " + (write ? "writeMany" : "readMany") + " failed: " + e.getMessage());
        } finally {
            files.forEach(DataPlugin::delete);
            delete(list);
        }
    }

    static List<String> expand(List<String> template, String device, long offset, int length, Path file) {
        List<String> out = new ArrayList<>();
        for (String t : template) {
            out.add(t.replace("{device}", device).replace("{offset}", Long.toString(offset))
                    .replace("{length}", Integer.toString(length)).replace("{file}", file.toString()));
        }
        return out;
    }

    private void exec(List<String> cmd) throws DataPluginException, IOException {
        Path err = Files.createTempFile("srm-emulator-data-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new DataPluginException("data plug-in timed out: " + cmd.get(0));
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new DataPluginException("data plug-in " + cmd.get(0) + " exited " + p.exitValue()
                        + (out.isEmpty() ? "" : ": " + (out.length() > 300 ? out.substring(0, 300) : out)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPluginException("interrupted");
        } finally {
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            p.toFile().delete();
        }
    }
}
