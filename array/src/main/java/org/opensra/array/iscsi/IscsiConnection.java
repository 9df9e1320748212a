package org.opensra.array.iscsi;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection, which is one session (MaxConnections=1, ErrorRecoveryLevel=0): login, then the full
 * feature phase. Commands run one at a time in CmdSN order on this connection's thread; a command
 * beyond ExpCmdSN within the window waits for the gap to fill, one outside the window is ignored
 * (RFC 7143 4.2.2.1). A broken rule of the protocol (digest, DataSN, offset) drops the connection.
 */
final class IscsiConnection implements Runnable {
    /** Commands the initiator may have outstanding: MaxCmdSN = ExpCmdSN + WINDOW - 1. */
    static final int WINDOW = 32;
    private static final Logger LOG = Logger.getLogger(IscsiConnection.class.getName());
    private static final int MAX_WRITE = InquiryData.MAX_TRANSFER_BLOCKS * LogicalUnit.BLOCK_SIZE;

    private final Socket socket;
    private final IscsiTarget target;
    private final PduChannel ch;
    private Login.Result login;
    private volatile Nexus nexus;
    private SessionParams params;
    private int statSn;
    private int expCmdSn;
    private int nextTtt = 1;
    /** Non-immediate PDUs that arrived ahead of ExpCmdSN, by CmdSN. */
    private final TreeMap<Integer, Pdu> waiting = new TreeMap<>((a, b) -> Integer.compare(a - expCmdSn, b - expCmdSn));
    private final Map<Integer, WriteTask> writes = new LinkedHashMap<>();
    /** Tasks aborted while waiting for data: their late Data-Out PDUs are dropped. */
    private final java.util.Set<Integer> aborted = new java.util.HashSet<>();

    IscsiConnection(Socket socket, IscsiTarget target) throws IOException {
        this.socket = socket;
        this.target = target;
        this.ch = new PduChannel(socket.getInputStream(), socket.getOutputStream(), SessionParams.OUR_MAX_RECV_DATA);
    }

    Nexus nexus() {
        return nexus;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            login = new Login(ch, target).run();
            if (login == null) {
                return;
            }
            params = login.params();
            statSn = login.statSn();
            expCmdSn = login.expCmdSn();
            ch.digests(params.headerDigest(), params.dataDigest());
            if (!login.discovery()) {
                nexus = new Nexus(login.initiator(), Login.isidHex(login.isid()), login.target());
                target.opened(this);
            }
            loop();
        } catch (PduChannel.ProtocolException e) {
            LOG.log(Level.INFO, "iSCSI connection from " + socket.getRemoteSocketAddress() + " dropped: " + e.getMessage());
        } catch (IOException e) {
            // the peer went away or the connection was closed by a reset
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "iSCSI connection from " + socket.getRemoteSocketAddress() + " failed", e);
        } finally {
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        if (nexus != null) {
            target.closed(this);
        }
    }

    private void loop() throws IOException {
        while (true) {
            Pdu p = ch.read();
            if (p == null) {
                return;
            }
            if (!dispatch(p)) {
                ch.flush();
                return;
            }
            ch.flush();
        }
    }

    /** False when the connection is to end (logout). */
    private boolean dispatch(Pdu p) throws IOException {
        int op = p.opcode();
        if (op == Pdu.DATA_OUT) {
            dataOut(p);
            return true;
        }
        if (op == Pdu.SNACK || !(op == Pdu.NOP_OUT || op == Pdu.SCSI_COMMAND || op == Pdu.TASK_MGMT || op == Pdu.TEXT
            || op == Pdu.LOGOUT)) {
            reject(p, 0x04); // command not supported (SNACK needs ErrorRecoveryLevel > 0)
            return true;
        }
        if (p.immediate()) {
            return execute(p);
        }
        int cmdSn = p.int32(24);
        int ahead = cmdSn - expCmdSn;
        if (ahead < 0 || ahead >= WINDOW) {
            return true; // outside the window: silently ignored
        }
        if (ahead > 0) {
            waiting.put(cmdSn, p);
            return true;
        }
        expCmdSn++;
        if (!execute(p)) {
            return false;
        }
        while (!waiting.isEmpty() && waiting.firstKey() == expCmdSn) {
            Pdu next = waiting.pollFirstEntry().getValue();
            expCmdSn++;
            if (!execute(next)) {
                return false;
            }
        }
        return true;
    }

    private boolean execute(Pdu p) throws IOException {
        switch (p.opcode()) {
            case Pdu.NOP_OUT -> nopOut(p);
            case Pdu.SCSI_COMMAND -> scsiCommand(p);
            case Pdu.TASK_MGMT -> taskManagement(p);
            case Pdu.TEXT -> text(p);
            case Pdu.LOGOUT -> {
                logout(p);
                return false;
            }
            default -> reject(p, 0x04);
        }
        return true;
    }

    // ---------------------------------------------------------------- responses

    private void stamp(Pdu r, boolean advance) {
        r.int32(24, advance ? statSn++ : statSn);
        r.int32(28, expCmdSn);
        r.int32(32, expCmdSn + WINDOW - 1);
    }

    private void reject(Pdu p, int reason) throws IOException {
        Pdu r = Pdu.of(Pdu.REJECT);
        r.byteAt(2, reason);
        r.itt(Pdu.RESERVED_TAG);
        stamp(r, true);
        r.data(p.header().clone());
        ch.write(r);
    }

    private void nopOut(Pdu p) throws IOException {
        if (p.itt() == Pdu.RESERVED_TAG) {
            return; // a ping answer or a one-way NOP
        }
        Pdu r = Pdu.of(Pdu.NOP_IN);
        r.lun(p.lun());
        r.itt(p.itt());
        r.int32(20, Pdu.RESERVED_TAG);
        stamp(r, true);
        r.data(p.data());
        ch.write(r);
    }

    private void logout(Pdu p) throws IOException {
        Pdu r = Pdu.of(Pdu.LOGOUT_RESPONSE);
        r.itt(p.itt());
        stamp(r, true);
        ch.write(r);
    }

    private void text(Pdu p) throws IOException {
        LinkedHashMap<String, String> keys = TextKeys.parse(p.data());
        StringBuilder out = new StringBuilder();
        String st = keys.get("SendTargets");
        if (st != null) {
            String self = login.discovery() ? null : login.target();
            for (String t : target.targetsFor(login.initiator())) {
                boolean wanted = st.equals("All") ? (self == null || t.equalsIgnoreCase(self))
                    : st.isEmpty() ? self != null && t.equalsIgnoreCase(self) : t.equalsIgnoreCase(st);
                if (wanted) {
                    out.append("TargetName=").append(t).append('\0');
                    out.append("TargetAddress=").append(target.portalAddress(socket)).append(",1").append('\0');
                }
            }
        }
        for (String k : keys.keySet()) {
            if (!k.equals("SendTargets")) {
                out.append(k).append("=NotUnderstood").append('\0');
            }
        }
        Pdu r = Pdu.of(Pdu.TEXT_RESPONSE);
        r.itt(p.itt());
        r.int32(20, Pdu.RESERVED_TAG);
        stamp(r, true);
        r.data(out.toString().getBytes(StandardCharsets.UTF_8));
        ch.write(r);
    }

    // ---------------------------------------------------------------- SCSI

    private void scsiCommand(Pdu p) throws IOException {
        if (nexus == null) {
            reject(p, 0x04); // no SCSI in a discovery session
            return;
        }
        byte[] cdb = p.bytes(32, 16);
        int lun = LunAddress.decode(p.lun());
        int edtl = p.int32(20);
        byte[] immediate = p.data();
        if (immediate.length > 0 && (Integer.compareUnsigned(immediate.length, edtl) > 0 || !params.immediateData())) {
            throw new PduChannel.ProtocolException("immediate data beyond the expected length or not negotiated");
        }
        if (ScsiCommandSet.isWrite(cdb)) {
            write(p, lun, cdb, edtl, immediate);
            return;
        }
        boolean toInitiator = (p.flags() & 0x40) != 0 || (p.flags() & 0x20) == 0;
        finish(p.itt(), lun, cdb, immediate, toInitiator ? edtl : 0, toInitiator);
    }

    /**
     * A WRITE moves min(EDTL, the CDB's length) bytes (FCP-4 9.4.2: data beyond EDTL is neither
     * requested nor written) and reports the difference as residual overflow or underflow.
     */
    private void write(Pdu p, int lun, byte[] cdb, int edtl, byte[] immediate) throws IOException {
        long spdtl = ScsiCommandSet.dataOutLength(cdb);
        long expected = Integer.toUnsignedLong(edtl);
        long transfer = Math.min(spdtl, expected);
        int flags = spdtl > expected ? 0x04 : spdtl < expected ? 0x02 : 0;
        int residual = (int) Math.abs(spdtl - expected);
        if (transfer % LogicalUnit.BLOCK_SIZE != 0) {
            respond(p.itt(), ScsiResult.check(Sense.INVALID_FIELD_IN_IU), flags, residual); // not whole blocks
            return;
        }
        if (transfer > MAX_WRITE) {
            respond(p.itt(), ScsiResult.check(Sense.INVALID_FIELD_IN_CDB), 0, 0);
            return;
        }
        byte[] effective = transfer == spdtl ? cdb : ScsiCommandSet.withBlocks(cdb, transfer / LogicalUnit.BLOCK_SIZE);
        WriteTask w = new WriteTask(p.itt(), lun, effective, (int) transfer, flags, residual);
        int first = (int) Math.min(immediate.length, transfer);
        System.arraycopy(immediate, 0, w.buffer, 0, first);
        w.received = first;
        if (w.complete()) {
            complete(w);
            return;
        }
        writes.put(w.itt, w);
        r2t(w, p.lun());
    }

    private void complete(WriteTask w) throws IOException {
        TreeMap<Integer, LogicalUnit> luns = target.luns(nexus);
        nexus.observe(luns);
        ScsiResult r = target.scsi().execute(nexus, w.lun, luns, w.cdb, w.buffer);
        respond(w.itt, r, w.residualFlags, w.residual);
    }

    private void r2t(WriteTask w, long lunField) throws IOException {
        int len = Math.min(params.maxBurst(), w.buffer.length - w.received);
        w.ttt = nextTtt++;
        if (nextTtt == Pdu.RESERVED_TAG) {
            nextTtt = 1;
        }
        w.burstEnd = w.received + len;
        w.expectedDataSn = 0;
        Pdu r = Pdu.of(Pdu.R2T);
        r.lun(lunField);
        r.itt(w.itt);
        r.int32(20, w.ttt);
        stamp(r, false);
        r.int32(36, w.r2tSn++);
        r.int32(40, w.received);
        r.int32(44, len);
        ch.write(r);
    }

    private void dataOut(Pdu p) throws IOException {
        WriteTask w = writes.get(p.itt());
        if (w == null) {
            // data for an aborted task is discarded (RFC 7143 11.7); anything else is a protocol error
            if (aborted.contains(p.itt())) {
                return;
            }
            throw new PduChannel.ProtocolException("Data-Out for unknown task " + Integer.toHexString(p.itt()));
        }
        int dataSn = p.int32(36);
        int offset = p.int32(40);
        byte[] d = p.data();
        if (p.int32(20) != w.ttt || dataSn != w.expectedDataSn || offset != w.received || w.received + d.length > w.burstEnd
            || ((p.flags() & 0x80) != 0) != (w.received + d.length == w.burstEnd)) {
            // out of sequence: the command ends with ABORTED COMMAND, its other Data-Out PDUs are dropped
            writes.remove(w.itt);
            remember(w.itt);
            respond(w.itt, ScsiResult.check(Sense.DATA_PHASE_ERROR), 0, 0);
            return;
        }
        System.arraycopy(d, 0, w.buffer, w.received, d.length);
        w.received += d.length;
        w.expectedDataSn++;
        if (w.received != w.burstEnd) {
            return;
        }
        if (w.complete()) {
            writes.remove(w.itt);
            complete(w);
        } else {
            r2t(w, LunAddress.encodeLong(w.lun));
        }
    }

    /** Runs a command without data from the initiator; its data (when toInitiator) goes in Data-In PDUs. */
    private void finish(int itt, int lun, byte[] cdb, byte[] dataOut, int edtl, boolean toInitiator) throws IOException {
        TreeMap<Integer, LogicalUnit> luns = target.luns(nexus);
        nexus.observe(luns);
        ScsiResult r = target.scsi().execute(nexus, lun, luns, cdb, dataOut);
        if (!toInitiator) {
            respond(itt, r, 0, 0); // flagged as a write on the iSCSI layer: no Data-In
            return;
        }
        long want = Integer.toUnsignedLong(edtl);
        int n = (int) Math.min(want, r.data().length);
        int flags = 0;
        int residual = 0;
        if (r.data().length > want) {
            flags = 0x04;
            residual = (int) (r.data().length - want);
        } else if (r.data().length < want) {
            flags = 0x02;
            residual = (int) (want - r.data().length);
        }
        if (n == 0 || r.status() != ScsiResult.GOOD) {
            respond(itt, r, r.status() == ScsiResult.GOOD ? flags : 0, r.status() == ScsiResult.GOOD ? residual : 0);
            return;
        }
        int max = params.initiatorMaxRecvData();
        int dataSn = 0;
        for (int off = 0; off < n; off += max) {
            int len = Math.min(max, n - off);
            boolean last = off + len == n;
            Pdu d = Pdu.of(Pdu.DATA_IN);
            d.flags(last ? 0x80 | 0x01 | flags : 0);
            d.itt(itt);
            d.int32(20, Pdu.RESERVED_TAG);
            if (last) {
                d.byteAt(3, r.status());
                stamp(d, true);
                d.int32(44, residual);
            } else {
                d.int32(28, expCmdSn);
                d.int32(32, expCmdSn + WINDOW - 1);
            }
            d.int32(36, dataSn++);
            d.int32(40, off);
            ch.write(d, r.data(), off, len);
        }
    }

    private void respond(int itt, ScsiResult r, int residualFlags, int residual) throws IOException {
        Pdu resp = Pdu.of(Pdu.SCSI_RESPONSE);
        resp.flags(0x80 | residualFlags);
        resp.byteAt(3, r.status());
        resp.itt(itt);
        stamp(resp, true);
        resp.int32(44, residual);
        if (r.sense() != null) {
            byte[] s = r.sense().fixed();
            byte[] seg = new byte[2 + s.length];
            seg[1] = (byte) s.length;
            System.arraycopy(s, 0, seg, 2, s.length);
            resp.data(seg);
        }
        ch.write(resp);
    }

    // ---------------------------------------------------------------- task management

    private void taskManagement(Pdu p) throws IOException {
        int function = p.flags() & 0x7f;
        int lun = LunAddress.decode(p.lun());
        int response;
        switch (function) {
            case 1 -> response = abortTask(p.int32(20)) ? 0 : 1;
            case 2, 4 -> {
                abortAll(lun);
                response = 0;
            }
            case 5 -> {
                LogicalUnit lu = nexus == null ? null : target.luns(nexus).get(lun);
                if (lu == null) {
                    response = 2;
                } else {
                    abortAll(lun);
                    target.lunReset(nexus, lu);
                    response = 0;
                }
            }
            case 6, 7 -> {
                abortAll(-1);
                target.targetReset(nexus);
                response = 0;
            }
            default -> response = 5;
        }
        Pdu r = Pdu.of(Pdu.TASK_MGMT_RESPONSE);
        r.byteAt(2, response);
        r.itt(p.itt());
        stamp(r, true);
        ch.write(r);
        if (function == 7 && response == 0) {
            ch.flush();
            target.coldReset(); // drops every connection, this one too
        }
    }

    /** Aborts a task still waiting for data or for its CmdSN turn; false when no such task is pending. */
    private boolean abortTask(int refItt) {
        if (writes.remove(refItt) != null) {
            remember(refItt);
            return true;
        }
        for (Map.Entry<Integer, Pdu> e : waiting.entrySet()) {
            if (e.getValue().opcode() == Pdu.SCSI_COMMAND && e.getValue().itt() == refItt) {
                e.setValue(placeholder()); // keeps its CmdSN, so the commands after it still run
                return true;
            }
        }
        return false;
    }

    /** Aborts every pending task of this session on the LUN (-1: on every LUN). */
    private void abortAll(int lun) {
        for (Iterator<WriteTask> it = writes.values().iterator(); it.hasNext(); ) {
            WriteTask w = it.next();
            if (lun < 0 || w.lun == lun) {
                remember(w.itt);
                it.remove();
            }
        }
        for (Map.Entry<Integer, Pdu> e : waiting.entrySet()) {
            Pdu q = e.getValue();
            if (q.opcode() == Pdu.SCSI_COMMAND && (lun < 0 || LunAddress.decode(q.lun()) == lun)) {
                e.setValue(placeholder());
            }
        }
    }

    private void remember(int itt) {
        if (aborted.size() > 1024) {
            aborted.clear();
        }
        aborted.add(itt);
    }

    /** Takes an aborted command's place in CmdSN order: a NOP-Out that asks for no answer. */
    private static Pdu placeholder() {
        Pdu p = new Pdu();
        p.itt(Pdu.RESERVED_TAG);
        return p;
    }
}
