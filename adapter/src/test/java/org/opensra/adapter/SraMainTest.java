package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.commands.AdapterIdentity;
import org.opensra.adapter.commands.PropertyCommands;
import org.opensra.adapter.testing.Requests;
import org.opensra.adapter.testing.TestDriverFactory;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.ProtocolException;
import org.opensra.protocol.Response;
import org.opensra.protocol.ResponseParser;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.Arrays;
import org.opensra.protocol.result.Strings;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ConnectionValues;

class SraMainTest {
    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z \\[p\\d+] \\[(trivia|verbose|info|warning|error)] .*");

    @TempDir
    Path dir;
    @TempDir
    Path install;

    record Run(int exit, String stdout) {
    }

    @BeforeEach
    void configureTestDriver() throws IOException {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/opensra.properties"), "driver=" + TestDriverFactory.NAME + "\n");
        TestDriverFactory.reset();
    }

    private Run run(String request, CommandRegistry registry) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = new SraMain(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), stdout, install,
                registry, new ServiceLoaderDriverLocator(getClass().getClassLoader())).run();
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8));
    }

    private Run run(String request) {
        CommandRegistry registry = new CommandRegistry();
        PropertyCommands.register(registry);
        return run(request, registry);
    }

    private Response response() throws IOException, ProtocolException {
        return ResponseParser.parse(Files.readAllBytes(dir.resolve("response.xml")));
    }

    private String logFiles() throws IOException {
        if (!Files.isDirectory(dir.resolve("logs"))) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.collect(Collectors.toList())) {
                all.append(Files.readString(f));
            }
            return all.toString();
        }
    }

    @Test
    @DisplayName("INFO-1 INV-3 queryInfo writes AdapterInfo to OutputFile and exits 0")
    void queryInfo() throws Exception {
        Run run = run(Requests.simple("queryInfo", dir));
        assertThat(run.exit()).isZero();
        AdapterInfo info = (AdapterInfo) ((Response.Completed) response()).result();
        assertThat(info.uuid()).isEqualTo("6f1c2a8e-4b7d-4e39-9a51-3c0d8e2f7b64");
        assertThat(info.name().stringId()).contains("AdapterName");
        assertThat(Files.readString(dir.resolve("response.xml")))
                .contains("<Response xmlns=\"http://www.vmware.com/srm/sra/v2\"");
    }

    @Test
    @DisplayName("LOG-1 INV-5 every command logs the release signature and the indented request, on stdout and in LogDirectory")
    void signatureAndRequestLogged() throws Exception {
        Run run = run(Requests.simple("queryErrorDefinitions", dir));
        assertThat(run.exit()).isZero();
        ReleaseInfo release = ReleaseInfo.load();
        assertThat(release.version()).isNotEqualTo("unknown");
        assertThat(release.buildDate()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        for (String log : List.of(run.stdout(), logFiles())) {
            List<String> lines = log.lines().collect(Collectors.toList());
            assertThat(lines).allMatch(l -> LINE.matcher(l).matches());
            // the name and version queryInfo reports, so that a log names the SRA the way SRM shows it
            assertThat(lines.get(0)).endsWith("] " + AdapterIdentity.NAME.english() + " " + release.version()
                    + " (built " + release.buildDate() + ")");
            assertThat(lines.get(1)).endsWith("Incoming request:");
            assertThat(log).contains("<Name>queryErrorDefinitions</Name>").contains("Command queryErrorDefinitions completed");
        }
        assertThat(logFiles()).isEqualTo(run.stdout());
    }

    @Test
    @DisplayName("INV-4 the StatusFile gets ProgressUpdate documents from 0 to 100")
    void progress() throws Exception {
        assertThat(run(Requests.simple("queryInfo", dir)).exit()).isZero();
        String status = Files.readString(dir.resolve("status.xml"));
        Matcher m = Pattern.compile("<ProgressUpdate xmlns=\"http://www.vmware.com/srm/sra/v2\">(\\d+)</ProgressUpdate>")
                .matcher(status);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        assertThat(values).containsExactly("0", "100");
    }

    @Test
    @DisplayName("INV-6 an unknown command gets error 100 with <Command> in OutputFile, exit 0")
    void unknownCommand() throws Exception {
        Run run = run(Requests.simple("makeCoffee", dir));
        assertThat(run.exit()).isZero();
        assertThat(response()).isEqualTo(Response.error(Message.predefined(100, "Command", "makeCoffee")));
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("<Command>makeCoffee</Command>");
    }

    @Test
    @DisplayName("LOC-2 LOC-3 queryStrings and queryCapabilities through the XML path")
    void stringsAndCapabilities() throws Exception {
        assertThat(run(Requests.envelope("queryStrings", dir, "info",
                "  <QueryStringsParameters><Locale>ja</Locale></QueryStringsParameters>\n")).exit()).isZero();
        Strings strings = (Strings) ((Response.Completed) response()).result();
        assertThat(strings.locale()).isEqualTo("ja");
        assertThat(strings.strings()).anySatisfy(e -> assertThat(e.text()).isEqualTo("OpenSRA プロジェクト"));
        assertThat(run(Requests.simple("queryCapabilities", dir)).exit()).isZero();
        AdapterCapabilities caps = (AdapterCapabilities) ((Response.Completed) response()).result();
        assertThat(caps.commands()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(CommandName.QUERY_STRINGS);
            assertThat(c.locales()).containsExactly("en", "de", "fr", "ja", "zh-CN");
        });
    }

    @Test
    @DisplayName("TOL-3 a malformed request whose OutputFile can be read gets error 1009 there, exit 0")
    void malformedWithOutputFile() throws Exception {
        String broken = Requests.simple("queryInfo", dir).replace("</LogLevel>", "</LogLevl>");
        Run run = run(broken);
        assertThat(run.exit()).isZero();
        Response response = response();
        assertThat(((Message.Predefined) ((Response.Failed) response).error()).code()).isEqualTo(1009);
        assertThat(run.stdout()).contains("Malformed request").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("TOL-3 no readable OutputFile: exit 1 and a one-line message on stdout, no stack trace")
    void malformedWithoutOutputFile() {
        Run run = run("this is not XML at all");
        assertThat(run.exit()).isEqualTo(SraMain.NO_RESPONSE);
        List<String> lines = run.stdout().lines().collect(Collectors.toList());
        assertThat(lines.get(lines.size() - 1)).startsWith("OpenSRA: malformed request");
        assertThat(lines.stream().filter(l -> l.startsWith("OpenSRA:"))).hasSize(1);
        assertThat(run.stdout()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    @DisplayName("TOL-3 an OutputFile that cannot be written: exit 1 and a one-line message")
    void unwritableOutputFile() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        String request = Requests.simple("queryInfo", dir)
                .replace(dir.resolve("response.xml").toString(), notADirectory.resolve("response.xml").toString());
        Run run = run(request);
        assertThat(run.exit()).isEqualTo(SraMain.NO_RESPONSE);
        assertThat(run.stdout().lines().filter(l -> l.startsWith("OpenSRA: cannot write the response"))).hasSize(1);
        assertThat(run.stdout()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("CONN-2 the request's connection is parsed and reaches the driver: id, address, credentials, opaques")
    void connectionReachesDriver() throws Exception {
        CommandRegistry registry = new CommandRegistry().register(CommandName.DISCOVER_ARRAYS, (request, context) -> {
            try (ArrayDriver driver = context.driver().open(context.connectionValues().get(0))) {
                return Response.of(new Arrays(List.of()));
            } catch (org.opensra.spi.DriverException e) {
                throw new AssertionError(e);
            }
        });
        Run run = run(Requests.withConnection("discoverArrays", dir, "srm-admin", "pw"), registry);
        assertThat(run.exit()).isZero();
        assertThat(response()).isInstanceOf(Response.Completed.class);
        assertThat(TestDriverFactory.opened()).containsExactly(new ConnectionValues("array",
                Map.of("managementAddress", "127.0.0.1:40123"), Optional.of("srm-admin"), Optional.of("pw"),
                Map.of("deviceNamePrefix", "srm-")));
    }

    @Test
    @DisplayName("SEC-1 a username and password of the request appear in no stdout, log file, OutputFile or StatusFile")
    void credentialsNeverWritten() throws Exception {
        String user = "srm-operator-7x";
        String password = "Very$ecret-42";
        CommandRegistry registry = new CommandRegistry().register(CommandName.DISCOVER_ARRAYS, (request, context) -> {
            context.log().verbose("Connecting with " + request.connections().get(0) + " as " + user);
            try {
                context.driver().open(context.connectionValues().get(0)).close();
            } catch (org.opensra.spi.DriverException e) {
                throw new AssertionError(e);
            }
            context.progress().report(50);
            throw new IllegalStateException("array refused " + user + ":" + password);
        });
        Run run = run(Requests.withConnection("discoverArrays", dir, user, password), registry);
        assertThat(run.exit()).isZero();
        assertThat(TestDriverFactory.opened()).hasSize(1);
        assertThat(((Message.Predefined) ((Response.Failed) response()).error()).code()).isEqualTo(1000);
        String everything = run.stdout() + logFiles() + Files.readString(dir.resolve("response.xml"))
                + Files.readString(dir.resolve("status.xml"));
        assertThat(run.stdout()).contains("Incoming request:").contains("********");
        assertThat(logFiles()).isNotEmpty();
        assertThat(everything).doesNotContain(user).doesNotContain(password);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password).doesNotContain(user);
            }
        }
    }

    @Test
    @DisplayName("SEC-1 credentials stay masked in a malformed request's log")
    void malformedRequestMasked() {
        String broken = Requests.withConnection("discoverArrays", dir, "admin-user-9", "Pa55-w0rd!")
                .replace("</Connections>", "");
        Run run = run(broken);
        assertThat(run.stdout()).doesNotContain("Pa55-w0rd!").doesNotContain("admin-user-9");
    }

    @Test
    @DisplayName("an unknown configured driver is error 1016 with <Driver>")
    void unknownDriver() throws Exception {
        Files.writeString(install.resolve("conf/opensra.properties"), "driver=nonesuch\n");
        Run run = run(Requests.simple("queryConnectionParameters", dir));
        assertThat(run.exit()).isZero();
        assertThat(response()).isEqualTo(Response.error(Message.predefined(1016, "Driver", "nonesuch")));
        assertThat(run.stdout()).contains("installed drivers: test");
    }

    @Test
    @DisplayName("INV-5 a LogLevel that is not one of the five is logged as a warning and verbose is used")
    void unknownLogLevel() {
        Run run = run(Requests.envelope("queryInfo", dir, "chatty", ""));
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).contains("[warning] LogLevel chatty is not one of");
    }
}
