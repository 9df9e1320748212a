package org.opensra.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.fuzz.FuzzReport;
import org.opensra.adapter.fuzz.FuzzSeeds;
import org.opensra.adapter.fuzz.RequestFuzzer;

/**
 * The faults {@link RequestFuzzTest} found, each kept as the request that showed it (rebuilt by hand, so
 * that a change of the generator cannot lose them) and judged by the same rules (TOL-2, TOL-3, SEC-1).
 */
class RequestFuzzRegressionTest {
    @TempDir
    Path work;

    private static RequestFuzzer.Case found(int index, Path dir) {
        String valid = FuzzSeeds.request("discoverDevices", dir, "fake:array-a");
        switch (index) {
            case 0: // the one line said "NoSuchFileException ..."
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("OutputFile in a missing folder"),
                        bytes(valid.replace(dir.resolve("response.xml").toString(),
                                dir.resolve("missing-folder").resolve("response.xml").toString())));
            case 1: // the log said "(FileSystemException: ... File name too long)"
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("LogDirectory name of 300 characters"),
                        bytes(valid.replace(dir.resolve("logs").toString(), dir.resolve("logs" + "x".repeat(300)).toString())));
            case 2: // the request log's indentation grew with the square of the depth: out of memory, or minutes
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("nest 40,000 deep"),
                        bytes(valid.replace("<ArrayId>", "<ArrayId>" + "<Nest>".repeat(40_000) + "x"
                                + "</Nest>".repeat(40_000))));
            case 3: // a UTF-16 request that failed to parse was logged read as UTF-8: the password unmasked
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("encode UTF-16BE (declared UTF-8)"),
                        valid.replace("<Name>", "<Name>&x;").getBytes(StandardCharsets.UTF_16BE));
            case 4: // the reader's message quoted the entity name "ampfuzzUser-..." in the log and the response
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("insert '&amp' in Username"),
                        bytes(valid.replace("<Username>", "<Username>&amp")));
            case 5: // a malformed request with 20,000 passwords: the masking scan was quadratic (over 15 s)
                return new RequestFuzzer.Case(index, "discoverDevices", List.of("repeat Password x20000, malformed"),
                        bytes(valid.replace("<Password>", "<Password>x</Password>".repeat(20_000) + "<Password>")
                                .replace("</Command>", "<Oops></Command>")));
            case 6: { // queryDeviceDetails without a Device answered a DeviceDetails the schema refuses
                String details = FuzzSeeds.request("queryDeviceDetails", dir, "fake:array-a");
                return new RequestFuzzer.Case(index, "queryDeviceDetails", List.of("rename Devices"),
                        bytes(details.replace("<Devices>", "<Other>").replace("</Devices>", "</Other>")));
            }
            default:
                throw new IllegalArgumentException("no case " + index);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("TOL-3 SEC-1 the requests the fuzz test found faults with end cleanly: no exception text, no credential, no hang")
    void foundFaults() throws Exception {
        List<Long> cases = new ArrayList<>();
        for (long i = 0; i < 7; i++) {
            cases.add(i);
        }
        FuzzReport report = RequestFuzzTest.run("regression", cases, work, (index, dir) -> found((int) index, dir));
        assertThat(report.hangs()).isZero();
        assertThat(report.failures()).isEmpty();
    }
}
