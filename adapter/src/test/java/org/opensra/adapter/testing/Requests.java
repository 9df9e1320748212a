package org.opensra.adapter.testing;

import java.nio.file.Path;

/** Request documents as SRM writes them, with paths in a test folder. */
public final class Requests {

    private Requests() {
    }

    public static String envelope(String name, Path dir, String logLevel, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\">\n"
                + "  <Name>" + name + "</Name>\n"
                + "  <OutputFile>" + dir.resolve("response.xml") + "</OutputFile>\n"
                + "  <StatusFile>" + dir.resolve("status.xml") + "</StatusFile>\n"
                + "  <LogLevel>" + logLevel + "</LogLevel>\n"
                + "  <LogDirectory>" + dir.resolve("logs") + "</LogDirectory>\n"
                + body
                + "</Command>\n";
    }

    public static String simple(String name, Path dir) {
        return envelope(name, dir, "verbose", "");
    }

    /** An array command with one connection, the spec's {@code Opagues} spelling (TOL-1). */
    public static String withConnection(String name, Path dir, String username, String password) {
        return envelope(name, dir, "trivia",
                "  <Connections>\n"
                        + "    <Connection id=\"array\">\n"
                        + "      <Addresses>\n"
                        + "        <Address id=\"managementAddress\">127.0.0.1:40123</Address>\n"
                        + "      </Addresses>\n"
                        + "      <Username>" + username + "</Username>\n"
                        + "      <Password>" + password + "</Password>\n"
                        + "      <Opagues>\n"
                        + "        <Opaque id=\"deviceNamePrefix\">srm-</Opaque>\n"
                        + "      </Opagues>\n"
                        + "    </Connection>\n"
                        + "  </Connections>\n");
    }
}
