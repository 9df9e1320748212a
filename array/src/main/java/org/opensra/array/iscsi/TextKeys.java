package org.opensra.array.iscsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The key=value pairs of login and text PDUs, each ended by a zero byte (RFC 7143 section 6). */
public final class TextKeys {
    private TextKeys() {
    }

    /** Keys in the order sent; a pair without '=' is a protocol error. */
    public static LinkedHashMap<String, String> parse(byte[] data) throws PduChannel.ProtocolException {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start) {
                    String pair = new String(data, start, i - start, StandardCharsets.UTF_8);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new PduChannel.ProtocolException("malformed text key: " + pair);
                    }
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                start = i + 1;
            }
        }
        return out;
    }

    public static byte[] encode(Map<String, String> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            out.writeBytes((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
