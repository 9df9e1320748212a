package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.testing.Requests;
import org.opensra.adapter.testing.TestDriverFactory;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.Message;
import org.opensra.protocol.Response;
import org.opensra.protocol.ResponseParser;
import org.opensra.protocol.result.FailoverResults;
import org.opensra.protocol.result.ItemResult;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverException;

/** The limits every command runs under: deadline, any Throwable, request size (INV-3, TOL-3). */
class SraMainLimitsTest {
    @TempDir
    Path dir;
    @TempDir
    Path install;

    private final CountDownLatch release = new CountDownLatch(1);

    record Run(int exit, String stdout) {
    }

    @AfterEach
    void releaseBlockedHandlers() {
        release.countDown();
    }

    private void configure(String extra) throws IOException {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/opensra.properties"), "driver=" + TestDriverFactory.NAME + "\n" + extra);
    }

    private Run run(String request, CommandHandler handler) {
        CommandRegistry registry = new CommandRegistry();
        registry.register(CommandName.DISCOVER_ARRAYS, handler);
        registry.register(CommandName.FAILOVER, handler);
        return run(request, registry, new ServiceLoaderDriverLocator(getClass().getClassLoader()));
    }

    private Run run(String request, CommandRegistry registry, DriverLocator drivers) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = new SraMain(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), stdout, install,
                registry, drivers).run();
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8));
    }

    /** A failover of group tg1 and devices r1, r2 (r1 named twice). */
    private String failoverRequest() {
        return Requests.envelope("failover", dir, "verbose",
                "  <Connections><Connection id=\"array\"><Addresses><Address id=\"managementAddress\">127.0.0.1:1</Address>"
                        + "</Addresses><Username>admin</Username><Password>pw-secret</Password></Connection></Connections>\n"
                        + "  <FailoverParameters><ArrayId>array-b</ArrayId>"
                        + "<TargetGroups><TargetGroup key=\"tg1\"/></TargetGroups>"
                        + "<TargetDevices><TargetDevice key=\"r1\"/><TargetDevice key=\"r2\"/><TargetDevice key=\"r1\"/>"
                        + "</TargetDevices></FailoverParameters>\n");
    }

    /** RESP-1: every requested item once, each with error 1019 naming it. */
    private void assertEveryItemDeadline(int seconds) throws Exception {
        FailoverResults results = (FailoverResults) ((Response.Completed) response()).result();
        assertThat(results.targetGroups()).extracting(ItemResult::ref).containsExactly("tg1");
        assertThat(results.targetDevices()).extracting(ItemResult::ref).containsExactly("r1", "r2");
        for (ItemResult<?> item : List.<ItemResult<?>>of(results.targetGroups().get(0), results.targetDevices().get(0),
                results.targetDevices().get(1))) {
            assertThat(item.failure()).contains(Message.predefined(ErrorCodes.COMMAND_DEADLINE_REACHED,
                    "Object", item.ref(), "Seconds", Integer.toString(seconds)));
        }
    }

    /** A driver honouring the deadline on an array that never answers: opening the session waits it out. */
    private static final class NeverAnsweringArray extends TestDriverFactory {
        final AtomicBoolean deadlineSeen = new AtomicBoolean();

        @Override
        public ArrayDriver open(ConnectionValues connection, Deadline deadline) throws DriverException {
            deadlineSeen.set(deadline.isSet());
            while (!deadline.passed()) {
                try {
                    Thread.sleep(Math.min(100, Math.max(1, deadline.remainingMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw deadline.failure("GET /array on 127.0.0.1:1");
        }
    }

    @Test
    @DisplayName("INV-3 RESP-1 ERR-5 a 2 s deadline against a never-answering array: the command ends with error 1019 for every requested item")
    void neverAnsweringArray() throws Exception {
        configure("command.deadlineSeconds=2\n");
        NeverAnsweringArray driver = new NeverAnsweringArray();
        Run run = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(failoverRequest(), CommandRegistry.standard(), (name, log) -> driver));
        assertThat(run.exit()).isZero();
        assertThat(driver.deadlineSeen.get()).isTrue();
        assertEveryItemDeadline(2);
        assertThat(run.stdout()).doesNotContain("pw-secret");
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("INV-3 RESP-1 a per-item command whose driver ignores the deadline still answers every item with error 1019")
    void backstopPerItem() throws Exception {
        configure("command.deadlineSeconds=1\n");
        Run run = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(failoverRequest(),
                (request, context) -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.error(Message.predefined(ErrorCodes.INTERNAL_ERROR, "Reason", "released"));
                }));
        assertThat(run.exit()).isZero();
        assertEveryItemDeadline(1);
    }

    private Response response() throws Exception {
        return ResponseParser.parse(Files.readAllBytes(dir.resolve("response.xml")));
    }

    private static int code(Response response) {
        return ((Message.Predefined) ((Response.Failed) response).error()).code();
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.stdout()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    @DisplayName("INV-3 a command whose driver ignores a 2 s deadline still answers, with error 1019, well before SRM's timeout")
    void deadlineBackstop() throws Exception {
        configure("command.deadlineSeconds=2\n");
        Run run = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
                Requests.simple("discoverArrays", dir), (request, context) -> {
                    try {
                        release.await(); // a driver call that never returns
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Response.error(Message.predefined(ErrorCodes.INTERNAL_ERROR, "Reason", "released"));
                }));
        assertThat(run.exit()).isZero();
        Response response = response();
        assertThat(code(response)).isEqualTo(ErrorCodes.COMMAND_DEADLINE_REACHED);
        assertThat(run.stdout()).contains("did not end by its deadline of 2 s");
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("INV-3 the handler gets the configured deadline")
    void handlerSeesDeadline() throws Exception {
        configure("command.deadlineSeconds=37\n");
        int[] seen = new int[1];
        Run run = run(Requests.simple("discoverArrays", dir), (request, context) -> {
            seen[0] = context.deadline().seconds();
            return Response.error(Message.predefined(ErrorCodes.INTERNAL_ERROR, "Reason", "done"));
        });
        assertThat(run.exit()).isZero();
        assertThat(seen[0]).isEqualTo(37);
    }

    @Test
    @DisplayName("TOL-3 INV-3 a StackOverflowError in a command ends in an Error response 1000, no stack trace")
    void stackOverflow() throws Exception {
        configure("");
        Run run = run(Requests.simple("discoverArrays", dir), (request, context) -> {
            throw new StackOverflowError();
        });
        assertThat(run.exit()).isZero();
        assertThat(code(response())).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("StackOverflowError");
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("TOL-3 INV-3 an OutOfMemoryError in a command ends in an Error response 1000, no stack trace")
    void outOfMemory() throws Exception {
        configure("");
        Run run = run(Requests.simple("discoverArrays", dir), (request, context) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThat(run.exit()).isZero();
        assertThat(code(response())).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("OutOfMemoryError");
        assertNoStackTrace(run);
    }

    @Test
    @DisplayName("TOL-3 a request larger than request.maxBytes is refused with one line and exit 1, without reading it all")
    void requestTooLarge() throws Exception {
        configure("request.maxBytes=1048576\n");
        String big = Requests.envelope("discoverArrays", dir, "verbose", "<!-- " + "x".repeat(2 * 1048576) + " -->\n");
        Run run = run(big, (request, context) -> {
            throw new AssertionError("must not run");
        });
        assertThat(run.exit()).isEqualTo(SraMain.NO_RESPONSE);
        assertThat(run.stdout().lines().toList()).hasSize(1);
        assertThat(run.stdout()).startsWith("OpenSRA: ").contains("larger than 1048576 bytes");
        assertThat(dir.resolve("response.xml")).doesNotExist();
    }

    @Test
    @DisplayName("TOL-3 a request within request.maxBytes runs")
    void requestWithinCap() throws Exception {
        configure("request.maxBytes=4194304\n");
        String big = Requests.envelope("discoverArrays", dir, "verbose", "<!-- " + "x".repeat(2 * 1048576) + " -->\n");
        Run run = run(big,
                (request, context) -> Response.error(Message.predefined(ErrorCodes.INTERNAL_ERROR, "Reason", "ran")));
        assertThat(run.exit()).isZero();
        assertThat(Files.readString(dir.resolve("response.xml"))).contains("ran");
    }

    @Test
    @DisplayName("INV-3 a bad limit is logged and the default used")
    void badLimitLogged() throws Exception {
        configure("command.deadlineSeconds=soon\n");
        int[] seen = new int[1];
        Run run = run(Requests.simple("discoverArrays", dir), (request, context) -> {
            seen[0] = context.deadline().seconds();
            return Response.error(Message.predefined(ErrorCodes.INTERNAL_ERROR, "Reason", "done"));
        });
        assertThat(seen[0]).isEqualTo(240);
        assertThat(run.stdout()).contains("command.deadlineSeconds=soon is not a number");
    }
}
