package org.opensra.protocol;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.opensra.protocol.xml.ConnectionsXml;
import org.opensra.protocol.xml.ParametersXml;
import org.opensra.protocol.xml.XmlOut;

/** Writes a typed request as SRM does (INV-2), for the emulator and tests. */
public final class RequestWriter {
    private RequestWriter() {
    }

    public static void write(Request request, OutputStream out) {
        XmlOut xml = XmlOut.document(out, "Command");
        Envelope e = request.envelope();
        xml.leaf("Name", e.name());
        xml.leaf("OutputFile", e.outputFile());
        xml.leaf("StatusFile", e.statusFile());
        xml.leaf("LogLevel", e.logLevel());
        xml.leaf("LogDirectory", e.logDirectory());
        ConnectionsXml.write(xml, request.connections());
        ParametersXml.write(xml, request.parameters());
        xml.finish();
    }

    public static byte[] toBytes(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(request, out);
        return out.toByteArray();
    }
}
