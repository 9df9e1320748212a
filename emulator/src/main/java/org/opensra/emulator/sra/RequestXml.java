package org.opensra.emulator.sra;

import static org.opensra.emulator.xml.Xml.esc;

import java.util.Map;
import org.opensra.emulator.site.ConnectionValues;

/** Writes request documents the way SRM does (INV-2, CONN-2). */
public final class RequestXml {
    private RequestXml() {
    }

    public static String build(String name, String outputFile, String statusFile, String logLevel,
                               String logDirectory, String connections, String parameters) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\">\n");
        b.append("  <Name>").append(esc(name)).append("</Name>\n");
        if (connections != null && !connections.isEmpty()) {
            b.append(connections);
        }
        b.append("  <OutputFile>").append(esc(outputFile)).append("</OutputFile>\n");
        b.append("  <StatusFile>").append(esc(statusFile)).append("</StatusFile>\n");
        b.append("  <LogLevel>").append(esc(logLevel)).append("</LogLevel>\n");
        b.append("  <LogDirectory>").append(esc(logDirectory)).append("</LogDirectory>\n");
        if (parameters != null && !parameters.isEmpty()) {
            b.append(parameters);
        }
        b.append("</Command>\n");
        return b.toString();
    }

    /** The Connections element; {@code masked} replaces username and password with asterisks. */
    public static String connections(ConnectionValues c, boolean masked) {
        StringBuilder b = new StringBuilder();
        b.append("  <Connections>\n    <Connection id=\"").append(esc(c.id())).append("\">\n");
        b.append("      <Addresses>\n");
        for (Map.Entry<String, String> a : c.addresses().entrySet()) {
            b.append("        <Address id=\"").append(esc(a.getKey())).append("\">").append(esc(a.getValue()))
                    .append("</Address>\n");
        }
        b.append("      </Addresses>\n");
        if (c.username() != null) {
            b.append("      <Username>").append(masked ? "********" : esc(c.username())).append("</Username>\n");
        }
        if (!c.password().isEmpty()) {
            b.append("      <Password>").append(masked ? "********" : esc(c.password().value())).append("</Password>\n");
        }
        if (!c.opaques().isEmpty()) {
            b.append("      <Opaques>\n");
            for (Map.Entry<String, String> o : c.opaques().entrySet()) {
                b.append("        <Opaque id=\"").append(esc(o.getKey())).append("\">").append(esc(o.getValue()))
                        .append("</Opaque>\n");
            }
            b.append("      </Opaques>\n");
        }
        b.append("    </Connection>\n  </Connections>\n");
        return b.toString();
    }
}
