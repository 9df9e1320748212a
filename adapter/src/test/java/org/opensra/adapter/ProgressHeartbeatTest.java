package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.LogLevel;

/** INV-4: progress reaches the StatusFile during long work, repeated by a heartbeat. */
class ProgressHeartbeatTest {
    private static final Pattern DOC = Pattern.compile(
            "<\\?xml[^>]*\\?>\\s*<ProgressUpdate xmlns=\"http://www.vmware.com/srm/sra/v2\">(\\d+)</ProgressUpdate>\\s*");

    @TempDir
    Path dir;

    /** The values of the StatusFile; fails when anything but whole documents is in it. */
    private List<Integer> values(Path file) throws Exception {
        String text = Files.readString(file);
        Matcher m = DOC.matcher(text);
        List<Integer> values = new ArrayList<>();
        int end = 0;
        while (m.find() && m.start() == end) {
            values.add(Integer.parseInt(m.group(1)));
            end = m.end();
        }
        assertThat(end).as("whole documents only: %s", text).isEqualTo(text.length());
        return values;
    }

    private Progress progress(Path file) {
        return new Progress(file.toString(), SraLog.stdoutOnly(LogLevel.TRIVIA, new ByteArrayOutputStream()));
    }

    @Test
    @DisplayName("INV-4 the heartbeat repeats the last value while nothing else is reported, and stops when closed")
    void heartbeatRepeats() throws Exception {
        Path file = dir.resolve("status.xml");
        Progress progress = progress(file);
        progress.report(0);
        progress.report(40);
        progress.startHeartbeat(20);
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (values(file).size() < 5 && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        progress.close();
        List<Integer> values = values(file);
        assertThat(values.size()).isGreaterThanOrEqualTo(5);
        assertThat(values.subList(0, 2)).containsExactly(0, 40);
        assertThat(values.subList(2, values.size())).containsOnly(40);
        int after = values(file).size();
        Thread.sleep(200);
        assertThat(values(file)).hasSize(after);
        progress.report(100);
        assertThat(values(file)).last().isEqualTo(100);
    }

    @Test
    @DisplayName("INV-4 heartbeat and reports interleave as whole documents, values never go back")
    void interleaved() throws Exception {
        Path file = dir.resolve("status.xml");
        Progress progress = progress(file);
        progress.report(0);
        progress.startHeartbeat(1);
        for (int i = 1; i <= 99; i++) {
            progress.report(i);
            Thread.sleep(1);
        }
        progress.close();
        progress.report(100);
        List<Integer> values = values(file);
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).isGreaterThanOrEqualTo(values.get(i - 1));
        }
        assertThat(values).contains(0, 50, 99, 100);
        assertThat(values).last().isEqualTo(100);
    }

    @Test
    @DisplayName("INV-4 without a StatusFile there is no heartbeat thread")
    void noStatusFile() {
        Progress progress = new Progress(null, SraLog.stdoutOnly(LogLevel.TRIVIA, new ByteArrayOutputStream()));
        progress.startHeartbeat(1);
        progress.report(50);
        progress.close();
        assertThat(progress.last()).isEqualTo(50);
    }
}
