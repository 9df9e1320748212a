package org.opensra.array.iscsi;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Reads and writes PDUs on one connection: header, AHS, padding to 4 bytes, and the CRC32C header and
 * data digests once negotiated (sent least significant byte first, as initiators expect).
 */
public final class PduChannel {
    private static final byte[] PAD = new byte[4];

    private final DataInputStream in;
    private final OutputStream out;
    private final int maxDataIn;
    private volatile boolean headerDigest;
    private volatile boolean dataDigest;

    /** maxDataIn: the largest data segment accepted (a larger one is a protocol error). */
    public PduChannel(InputStream in, OutputStream out, int maxDataIn) {
        this.in = new DataInputStream(new java.io.BufferedInputStream(in, 65536));
        this.out = new BufferedOutputStream(out, 65536);
        this.maxDataIn = maxDataIn;
    }

    public void digests(boolean header, boolean data) {
        headerDigest = header;
        dataDigest = data;
    }

    /** The next PDU, or null at end of stream before a header. */
    public Pdu read() throws IOException {
        byte[] bhs = new byte[Pdu.BHS];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        bhs[0] = (byte) first;
        in.readFully(bhs, 1, Pdu.BHS - 1);
        Pdu p = new Pdu(bhs, new byte[0]);
        byte[] ahs = new byte[p.totalAhsLength()];
        in.readFully(ahs);
        if (headerDigest) {
            CRC32C crc = new CRC32C();
            crc.update(bhs);
            crc.update(ahs);
            if (readDigest() != (int) crc.getValue()) {
                throw new ProtocolException("header digest mismatch");
            }
        }
        int len = p.dataSegmentLength();
        if (len > maxDataIn) {
            throw new ProtocolException("data segment of " + len + " bytes exceeds " + maxDataIn);
        }
        if (len > 0) {
            byte[] data = new byte[len];
            in.readFully(data);
            int pad = (4 - (len & 3)) & 3;
            in.readFully(new byte[pad]);
            if (dataDigest) {
                CRC32C crc = new CRC32C();
                crc.update(data);
                crc.update(PAD, 0, pad);
                if (readDigest() != (int) crc.getValue()) {
                    throw new ProtocolException("data digest mismatch");
                }
            }
            p.data = data;
        }
        return p;
    }

    private int readDigest() throws IOException {
        byte[] d = new byte[4];
        in.readFully(d);
        return (d[0] & 0xff) | ((d[1] & 0xff) << 8) | ((d[2] & 0xff) << 16) | ((d[3] & 0xff) << 24);
    }

    public void write(Pdu p) throws IOException {
        write(p, p.data, 0, p.data.length);
    }

    /** Writes the PDU with data[off, off+len) as its data segment (the length field is set here). */
    public synchronized void write(Pdu p, byte[] data, int off, int len) throws IOException {
        p.dataLengthField(len);
        p.bhs[4] = 0;
        out.write(p.bhs);
        if (headerDigest) {
            CRC32C crc = new CRC32C();
            crc.update(p.bhs);
            writeDigest(crc);
        }
        if (len > 0) {
            out.write(data, off, len);
            int pad = (4 - (len & 3)) & 3;
            out.write(PAD, 0, pad);
            if (dataDigest) {
                CRC32C crc = new CRC32C();
                crc.update(data, off, len);
                crc.update(PAD, 0, pad);
                writeDigest(crc);
            }
        }
    }

    private void writeDigest(CRC32C crc) throws IOException {
        int v = (int) crc.getValue();
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Thrown for a PDU that breaks the protocol: the connection is dropped. */
    public static final class ProtocolException extends IOException {
        public ProtocolException(String message) {
            super(message);
        }
    }
}
