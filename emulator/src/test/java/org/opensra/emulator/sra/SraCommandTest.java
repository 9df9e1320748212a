package org.opensra.emulator.sra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.emulator.EmulatorMain;

/**
 * The SRA run through a command prefix: the request on stdin names OutputFile, StatusFile and LogDirectory
 * as the SRA sees them (here through a symbolic link standing in for a chroot or a container's mount), and
 * the emulator reads the response, progress and logs back from its side.
 */
class SraCommandTest {

    @Test
    @DisplayName("INV-1 INV-2 INV-4 INV-5 --sra-command: request paths are the SRA's, response, progress and logs read back")
    void prefixedSraSeesMappedPaths(@TempDir Path tmp) throws Exception {
        Path host = Files.createDirectory(tmp.resolve("host"));
        Path alias = Files.createSymbolicLink(tmp.resolve("seen-by-sra"), host);
        Path sra = tmp.resolve("fake-sra.sh");
        // a stand-in SRA: answers queryInfo only when OutputFile lies under the SRA's view of the work folder
        Files.writeString(sra, String.join("\n",
                "request=$(cat)",
                "out=$(printf '%s' \"$request\" | sed -n 's:.*<OutputFile>\\(.*\\)</OutputFile>.*:\\1:p')",
                "status=$(printf '%s' \"$request\" | sed -n 's:.*<StatusFile>\\(.*\\)</StatusFile>.*:\\1:p')",
                "logs=$(printf '%s' \"$request\" | sed -n 's:.*<LogDirectory>\\(.*\\)</LogDirectory>.*:\\1:p')",
                "case \"$out\" in " + alias + "/*) ;; *) echo \"unexpected OutputFile $out\"; exit 3;; esac",
                "echo '<ProgressUpdate xmlns=\"http://www.vmware.com/srm/sra/v2\">50</ProgressUpdate>' >> \"$status\"",
                "echo \"fake sra log in $logs, folder mode $(stat -c %a \"$(dirname \"$out\")\")\" > \"$logs/sra.log\"",
                "echo '<Response xmlns=\"http://www.vmware.com/srm/sra/v2\"><AdapterInfo/></Response>' > \"$out\"",
                "echo 'stdout line'", ""));
        List<Invocation> seen = new ArrayList<>();
        SraRunner runner = new SraRunner(SraCommand.prefixed("sh " + sra, host + "=" + alias),
                tmp.resolve("report"), Duration.ofSeconds(60), "verbose", seen::add);

        Invocation inv = runner.run("A", "queryInfo", null, null);

        assertThat(inv.exitCode()).as(inv.stdout()).isZero();
        assertThat(inv.parseError()).isNull();
        assertThat(new String(inv.response(), StandardCharsets.UTF_8)).contains("<AdapterInfo/>");
        assertThat(inv.progress()).containsExactly(50);
        assertThat(inv.stdout()).contains("stdout line");
        // the SRA may run as another user there (srm in an appliance image): its folder is open to it
        assertThat(inv.logDirectoryText()).contains("fake sra log in " + alias + "/srm-emulator-").contains("folder mode 777");
        String request = Files.readString(inv.folder().resolve("request.xml"));
        assertThat(request).contains("<OutputFile>" + alias + "/srm-emulator-").doesNotContain(host + "/");
        // the per-command folder is removed afterwards
        try (var left = Files.list(host)) {
            assertThat(left).isEmpty();
        }
        assertThat(seen).containsExactly(inv);
    }

    @Test
    @DisplayName("INV-1 a local SRA runs as perl command.pl in its folder with the request files in a private folder")
    void localSraUsesItsFolder(@TempDir Path tmp) throws Exception {
        Path pl = tmp.resolve("command.pl");
        Files.writeString(pl, String.join("\n",
                "use Cwd; my $r = join('', <STDIN>); my ($out) = $r =~ m{<OutputFile>(.*)</OutputFile>};",
                "open(my $f, '>', $out) or die; print $f '<Response xmlns=\"http://www.vmware.com/srm/sra/v2\"><Cwd>'"
                        + " . getcwd() . '</Cwd></Response>'; close($f);", ""));
        SraRunner runner = new SraRunner(pl, tmp.resolve("report"), Duration.ofSeconds(60), "verbose", i -> { });
        Invocation inv = runner.run("A", "queryInfo", null, null);
        assertThat(new String(inv.response(), StandardCharsets.UTF_8)).contains("<Cwd>" + tmp.toRealPath() + "</Cwd>");
    }

    @Test
    @DisplayName("a bad --sra-work-dir or both --sra and --sra-command get one clear line and exit 2")
    void badOptions(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> SraCommand.prefixed("sh x", tmp.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST_DIR=SRA_DIR");
        assertThatThrownBy(() -> SraCommand.prefixed("sh x", tmp + "=relative/dir"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> SraCommand.prefixed("sh x", tmp.resolve("missing") + "=/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a folder");

        Path pl = Files.writeString(tmp.resolve("command.pl"), "");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = EmulatorMain.execute("run", "--sra", pl.toString(), "--sra-command", "sh x",
                    "--sra-work-dir", tmp + "=/x", "--lab", tmp.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("give either --sra").doesNotContain("Exception");
    }
}
