package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.esc;

/** The command-specific parameters element: {@code <SyncOnceParameters>} for syncOnce, and so on. */
final class Params {
    private Params() {
    }

    static String element(String command) {
        return Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Parameters";
    }

    static String of(String command, String arrayId, String peerArrayId, String body) {
        StringBuilder b = new StringBuilder();
        String el = element(command);
        b.append("  <").append(el).append(">\n");
        if (arrayId != null) {
            b.append("    <ArrayId>").append(esc(arrayId)).append("</ArrayId>\n");
        }
        if (peerArrayId != null) {
            b.append("    <PeerArrayId>").append(esc(peerArrayId)).append("</PeerArrayId>\n");
        }
        if (body != null) {
            b.append(body);
        }
        b.append("  </").append(el).append(">\n");
        return b.toString();
    }
}
