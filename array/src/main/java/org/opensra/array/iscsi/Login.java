package org.opensra.array.iscsi;

import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The login phase of one connection (RFC 7143 sections 6.3 and 11.12/11.13): security stage (AuthMethod
 * None, or one-way CHAP when the initiator's host has a CHAP secret), operational negotiation, and the
 * final response that enters full feature phase. Initiators the array does not know, and targets they
 * have no mapping on, are refused.
 */
final class Login {
    static final int SECURITY = 0;
    static final int OPERATIONAL = 1;
    static final int FULL_FEATURE = 3;

    /** The result: who logged in, to what, with which parameters. */
    record Result(String initiator, String target, boolean discovery, byte[] isid, int tsih, SessionParams params,
                  int statSn, int expCmdSn) {
    }

    private final PduChannel ch;
    private final IscsiTarget target;
    private Chap chap;
    private boolean authenticated;

    Login(PduChannel ch, IscsiTarget target) {
        this.ch = ch;
        this.target = target;
    }

    /** Runs the login; null when it was refused (a reject response was sent) or the peer went away. */
    Result run() throws IOException {
        SessionParams params = new SessionParams();
        String initiator = null;
        String targetName = null;
        boolean discovery = false;
        boolean tpgtSent = false;
        boolean mrdslDeclared = false;
        int statSn = 0;
        chap = null;
        authenticated = false;
        ChapSecrets.Credentials creds = null;
        while (true) {
            Pdu req = ch.read();
            if (req == null) {
                return null;
            }
            if (req.opcode() != Pdu.LOGIN) {
                throw new PduChannel.ProtocolException("expected a login request, got opcode " + req.opcode());
            }
            if ((req.flags() & 0x40) != 0) {
                throw new PduChannel.ProtocolException("continued login requests are not supported");
            }
            int csg = (req.flags() >> 2) & 3;
            int nsg = req.flags() & 3;
            boolean transit = (req.flags() & 0x80) != 0;
            int cmdSn = req.int32(24);
            if (initiator == null) {
                statSn = req.int32(28);
            }
            LinkedHashMap<String, String> keys = TextKeys.parse(req.data());
            if (initiator == null) {
                initiator = keys.get("InitiatorName");
                String type = keys.getOrDefault("SessionType", "Normal");
                discovery = type.equals("Discovery");
                targetName = keys.get("TargetName");
                if (initiator == null || initiator.isBlank() || (!discovery && targetName == null)) {
                    refuse(req, statSn, cmdSn, 0x07); // missing parameter
                    return null;
                }
                if (!discovery && !type.equals("Normal")) {
                    refuse(req, statSn, cmdSn, 0x0a);
                    return null;
                }
                if (req.int16(14) != 0) {
                    refuse(req, statSn, cmdSn, 0x0a); // adding a connection to a session: one per session
                    return null;
                }
                if (!target.knowsInitiator(initiator)) {
                    refuse(req, statSn, cmdSn, 0x02); // authorization failure
                    return null;
                }
                if (!discovery && !target.allows(initiator, targetName)) {
                    refuse(req, statSn, cmdSn, 0x03); // not found
                    return null;
                }
                creds = target.chapFor(initiator);
            }
            Map<String, String> reply = new LinkedHashMap<>();
            if (csg == SECURITY) {
                if (!security(keys, reply, creds)) {
                    refuse(req, statSn, cmdSn, 0x01); // authentication failure
                    return null;
                }
            } else if (creds != null && !authenticated) {
                refuse(req, statSn, cmdSn, 0x01); // CHAP is required: the security stage cannot be skipped
                return null;
            }
            if (csg == OPERATIONAL || csg == SECURITY) {
                params.negotiate(keys, reply, discovery);
            } else {
                throw new PduChannel.ProtocolException("bad login stage " + csg);
            }
            if (!discovery && !tpgtSent) {
                reply.put("TargetPortalGroupTag", "1");
                tpgtSent = true;
            }
            if (transit && csg == SECURITY && creds != null && !authenticated && !keys.containsKey("AuthMethod")
                && !keys.containsKey("CHAP_A") && !keys.containsKey("CHAP_R")) {
                refuse(req, statSn, cmdSn, 0x01); // asks to leave the security stage without doing CHAP
                return null;
            }
            // we hold the initiator in the security stage until its CHAP response has been checked
            transit = transit && (csg != SECURITY || creds == null || authenticated);
            boolean done = transit && nsg == FULL_FEATURE;
            if (done && !mrdslDeclared && !reply.containsKey("MaxRecvDataSegmentLength")) {
                reply.put("MaxRecvDataSegmentLength", Integer.toString(SessionParams.OUR_MAX_RECV_DATA));
            }
            if (reply.containsKey("MaxRecvDataSegmentLength")) {
                mrdslDeclared = true;
            }
            int tsih = done ? target.nextTsih() : 0;
            Pdu resp = Pdu.of(Pdu.LOGIN_RESPONSE);
            resp.flags((transit ? 0x80 : 0) | (csg << 2) | (transit ? nsg : 0));
            resp.bytes(8, req.bytes(8, 6));
            resp.int16(14, tsih);
            resp.itt(req.itt());
            resp.int32(24, statSn++);
            resp.int32(28, cmdSn);
            resp.int32(32, cmdSn + IscsiConnection.WINDOW - 1);
            resp.data(TextKeys.encode(reply));
            ch.write(resp);
            ch.flush();
            if (done) {
                return new Result(initiator, discovery ? null : targetName, discovery, req.bytes(8, 6), tsih, params,
                    statSn, cmdSn);
            }
        }
    }

    /**
     * Answers the security keys: AuthMethod None when the host has no CHAP secret, else CHAP with MD5,
     * a fresh challenge, and the check of CHAP_N/CHAP_R. False: authentication failed.
     */
    private boolean security(Map<String, String> keys, Map<String, String> reply, ChapSecrets.Credentials creds) {
        String auth = keys.get("AuthMethod");
        if (creds == null) {
            if (auth != null) {
                if (!offers(auth, "None")) {
                    return false;
                }
                reply.put("AuthMethod", "None");
            }
            return true;
        }
        if (auth != null) {
            if (!offers(auth, "CHAP")) {
                return false;
            }
            reply.put("AuthMethod", "CHAP");
        }
        String algorithms = keys.get("CHAP_A");
        if (algorithms != null) {
            if (!offers(algorithms, "5") || chap != null) {
                return false;
            }
            chap = new Chap();
            reply.put("CHAP_A", "5");
            reply.put("CHAP_I", Integer.toString(chap.id));
            reply.put("CHAP_C", chap.challengeHex());
        }
        String name = keys.get("CHAP_N");
        String response = keys.get("CHAP_R");
        if (name != null || response != null) {
            if (chap == null || name == null || response == null || !name.equals(creds.username())
                || !chap.verify(creds.secret(), response)) {
                return false;
            }
            authenticated = true;
        }
        return true;
    }

    private static boolean offers(String list, String value) {
        for (String v : list.split(",")) {
            if (v.trim().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void refuse(Pdu req, int statSn, int cmdSn, int detail) throws IOException {
        Pdu resp = Pdu.of(Pdu.LOGIN_RESPONSE);
        resp.flags(0);
        resp.bytes(8, req.bytes(8, 6));
        resp.itt(req.itt());
        resp.int32(24, statSn);
        resp.int32(28, cmdSn);
        resp.int32(32, cmdSn);
        resp.byteAt(36, 0x02);
        resp.byteAt(37, detail);
        ch.write(resp);
        ch.flush();
    }

    static String isidHex(byte[] isid) {
        return HexFormat.of().formatHex(isid);
    }
}
