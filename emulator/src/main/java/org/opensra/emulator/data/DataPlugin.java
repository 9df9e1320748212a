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
