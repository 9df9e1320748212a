package org.opensra.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bench (not a test): parses a generated testFailoverStart request of 10,000 target devices with access
 * groups and recovery points, and prints {@code parse_10k_devices_ms: N} for the first parse in this JVM (what
 * one SRA process pays) and {@code parse_10k_devices_warm_ms: N}, the median of 5 later parses; then writes a
 * discoverDevices response of 10,000 source devices and prints {@code write_10k_devices_ms: N}.
 * Run: {@code java -cp protocol/target/classes:protocol/target/test-classes org.opensra.protocol.ParseBench}.
 */
public final class ParseBench {
    private static final int DEVICES = 10_000;

    private ParseBench() {
    }

    /** A testFailoverStart request with {@code devices} standalone target devices. */
    static byte[] request(int devices) {
        StringBuilder xml = new StringBuilder(devices * 200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Command xmlns=\"http://www.vmware.com/srm/sra/v2\">\n")
                .append("  <Name>testFailoverStart</Name>\n")
                .append("  <OutputFile>C:\\ProgramData\\VMware\\SRM\\Temp\\sra-output-1</OutputFile>\n")
                .append("  <StatusFile>C:\\ProgramData\\VMware\\SRM\\Temp\\sra-status-1</StatusFile>\n")
                .append("  <LogLevel>verbose</LogLevel>\n  <LogDirectory>C:\\ProgramData\\VMware\\SRM\\Logs</LogDirectory>\n")
                .append("  <Connections><Connection id=\"array\"><Addresses><Address id=\"managementAddress\">")
                .append("127.0.0.1:4000</Address></Addresses><Username>admin</Username><Password>secret</Password>")
                .append("<Opaques><Opaque id=\"deviceNamePrefix\">srm-</Opaque></Opaques></Connection></Connections>\n")
                .append("  <TestFailoverStartParameters>\n    <ArrayId>array-b</ArrayId>\n    <AccessGroups>\n")
                .append("      <AccessGroup id=\"domain-c7\"><Initiator type=\"iSCSI\" id=\"iqn.1998-01.com.vmware:esx1\"/>")
                .append("<Initiator type=\"FC\" id=\"21:00:00:E0:8B:8F:55:4B\"/></AccessGroup>\n    </AccessGroups>\n")
                .append("    <TargetDevices>\n");
        for (int i = 0; i < devices; i++) {
            xml.append("      <TargetDevice key=\"async-LUN ").append(i).append("\">\n")
                    .append("        <AccessGroups><AccessGroup id=\"domain-c7\"/></AccessGroups>\n")
                    .append("        <RecoveryPoint id=\"rp-").append(i).append("\"/>\n")
                    .append("      </TargetDevice>\n");
        }
        xml.append("    </TargetDevices>\n  </TestFailoverStartParameters>\n</Command>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        byte[] request = request(DEVICES);
        long start = System.nanoTime();
        Request first = RequestParser.parse(request);
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        check(first);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            check(RequestParser.parse(request));
            warm.add((System.nanoTime() - t) / 1_000_000);
        }
        warm.sort(Long::compare);
        System.out.println("parse_10k_devices_ms: " + coldMs);
        System.out.println("parse_10k_devices_warm_ms: " + warm.get(warm.size() / 2));
        Response discovered = Response.of(discoveredDevices(DEVICES));
        long w = System.nanoTime();
        byte[] written = ResponseWriter.toBytes(discovered);
        long writeMs = (System.nanoTime() - w) / 1_000_000;
        if (written.length < DEVICES * 100) {
            throw new IllegalStateException("bench response written wrongly");
        }
        System.out.println("write_10k_devices_ms: " + writeMs);
    }

    /** A discoverDevices result with {@code devices} standalone source devices identified by WWN. */
    static org.opensra.protocol.result.ReplicatedDevices discoveredDevices(int devices) {
        List<org.opensra.protocol.model.SourceDevice> sources = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            sources.add(new org.opensra.protocol.model.SourceDevice("vol-" + i,
                    org.opensra.protocol.model.DeviceState.READ_WRITE, Optional.of("srm-volume " + i), "replica-" + i,
                    Optional.of(new org.opensra.protocol.model.Identity.Wwn(String.format("60:00:%012x", i)))));
        }
        return new org.opensra.protocol.result.ReplicatedDevices(List.of(), List.of(), sources, List.of(), List.of(),
                List.of());
    }

    private static void check(Request r) {
        var p = r.parameters(org.opensra.protocol.params.TestFailoverStartParameters.class);
        if (p.targetDevices().size() != DEVICES
                || !p.targetDevices().get(DEVICES - 1).recoveryPoint().equals(Optional.of("rp-" + (DEVICES - 1)))) {
            throw new IllegalStateException("bench request parsed wrongly");
        }
    }
}
