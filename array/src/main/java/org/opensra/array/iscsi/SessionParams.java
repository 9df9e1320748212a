package org.opensra.array.iscsi;

import java.util.Locale;
import java.util.Map;

/**
 * The operational parameters of a session (RFC 7143 section 13), as negotiated at login. Our offers:
 * InitialR2T=Yes (only immediate data is unsolicited), ImmediateData=Yes, one outstanding R2T, data
 * in order, error recovery level 0, digests as the initiator lists them (None unless it asks).
 */
public final class SessionParams {
    /** What we accept in one data segment. */
    public static final int OUR_MAX_RECV_DATA = 262144;
    private static final int OUR_MAX_BURST = 1048576;
    private static final int OUR_FIRST_BURST = 262144;

    /** The initiator's MaxRecvDataSegmentLength: our largest Data-In data segment. */
    int initiatorMaxRecvData = 8192;
    int maxBurst = 262144;
    int firstBurst = 65536;
    boolean immediateData = true;
    boolean initialR2T = true;
    boolean headerDigest;
    boolean dataDigest;

    public int initiatorMaxRecvData() {
        return initiatorMaxRecvData;
    }

    public int maxBurst() {
        return maxBurst;
    }

    public int firstBurst() {
        return firstBurst;
    }

    public boolean immediateData() {
        return immediateData;
    }

    public boolean headerDigest() {
        return headerDigest;
    }

    public boolean dataDigest() {
        return dataDigest;
    }

    /**
     * Answers the operational keys of one login request into reply; the login keys (InitiatorName,
     * TargetName, SessionType, AuthMethod, CHAP_*) are left to the caller.
     */
    public void negotiate(Map<String, String> offered, Map<String, String> reply, boolean discovery) {
        for (Map.Entry<String, String> e : offered.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "InitiatorName", "TargetName", "SessionType", "AuthMethod", "InitiatorAlias",
                     "CHAP_A", "CHAP_I", "CHAP_C", "CHAP_N", "CHAP_R" -> {
                }
                case "HeaderDigest" -> {
                    String d = digest(v);
                    headerDigest = d.equals("CRC32C");
                    reply.put(k, d);
                }
                case "DataDigest" -> {
                    String d = digest(v);
                    dataDigest = d.equals("CRC32C");
                    reply.put(k, d);
                }
                case "MaxConnections" -> reply.put(k, "1");
                case "InitialR2T" -> reply.put(k, "Yes");
                case "ImmediateData" -> {
                    immediateData = yes(v);
                    reply.put(k, immediateData ? "Yes" : "No");
                }
                case "MaxRecvDataSegmentLength" -> {
                    initiatorMaxRecvData = clamp(v, 512, 16777215);
                    reply.put(k, Integer.toString(OUR_MAX_RECV_DATA));
                }
                case "MaxBurstLength" -> {
                    maxBurst = Math.min(clamp(v, 512, 16777215), OUR_MAX_BURST);
                    reply.put(k, Integer.toString(maxBurst));
                }
                case "FirstBurstLength" -> {
                    firstBurst = Math.min(clamp(v, 512, 16777215), OUR_FIRST_BURST);
                    reply.put(k, Integer.toString(firstBurst));
                }
                case "DefaultTime2Wait" -> reply.put(k, Integer.toString(Math.max(clamp(v, 0, 3600), 2)));
                case "DefaultTime2Retain" -> reply.put(k, "0");
                case "MaxOutstandingR2T" -> reply.put(k, "1");
                case "DataPDUInOrder", "DataSequenceInOrder" -> reply.put(k, "Yes");
                case "ErrorRecoveryLevel" -> reply.put(k, "0");
                case "IFMarker", "OFMarker" -> reply.put(k, "No");
                case "IFMarkInt", "OFMarkInt" -> reply.put(k, "Irrelevant");
                default -> reply.put(k, "NotUnderstood");
            }
        }
        if (firstBurst > maxBurst) {
            firstBurst = maxBurst;
        }
        if (!offered.containsKey("MaxRecvDataSegmentLength") && !reply.containsKey("MaxRecvDataSegmentLength")) {
            // declarative: tell the initiator what we accept even if it did not declare its own
            reply.put("MaxRecvDataSegmentLength", Integer.toString(OUR_MAX_RECV_DATA));
        }
    }

    private static String digest(String offered) {
        for (String d : offered.split(",")) {
            String t = d.trim();
            if (t.equalsIgnoreCase("None")) {
                return "None";
            }
            if (t.equalsIgnoreCase("CRC32C")) {
                return "CRC32C";
            }
        }
        return "Reject";
    }

    private static boolean yes(String v) {
        return v.trim().toLowerCase(Locale.ROOT).equals("yes");
    }

    private static int clamp(String v, int min, int max) {
        try {
            long n = Long.parseLong(v.trim());
            return (int) Math.max(min, Math.min(max, n));
        } catch (NumberFormatException e) {
            return min;
        }
    }
}
