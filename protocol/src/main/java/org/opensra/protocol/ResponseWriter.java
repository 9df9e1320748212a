package org.opensra.protocol;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.opensra.protocol.xml.MessageXml;
import org.opensra.protocol.xml.ResultXml;
import org.opensra.protocol.xml.XmlOut;

/**
 * Writes a response (INV-3): UTF-8, {@code <Response xmlns="http://www.vmware.com/srm/sra/v2">}, the tables'
 * element names, indented for humans. Writes {@code Opaques}/{@code Opaque} and DeviceSync status
 * {@code inProgress}/{@code complete} (TOL-1a).
 */
public final class ResponseWriter {
    private ResponseWriter() {
    }

    public static void write(Response response, OutputStream out) {
        XmlOut xml = XmlOut.document(out, "Response");
        if (response instanceof Response.Completed c) {
            ResultXml.write(xml, c.result());
            MessageXml.writeWarnings(xml, c.warnings());
        } else if (response instanceof Response.Failed f) {
            MessageXml.writeError(xml, f.error());
        }
        xml.finish();
    }

    public static byte[] toBytes(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(response, out);
        return out.toByteArray();
    }
}
