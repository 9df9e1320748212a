package org.opensra.array.iscsi;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PDU codec: header fields, padding, CRC32C digests (RFC 7143 11, RFC 3720 B.4) and text keys. */
class PduChannelTest {
    private static byte[] written(Pdu p, boolean header, boolean data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PduChannel ch = new PduChannel(new ByteArrayInputStream(new byte[0]), out, 1 << 20);
        ch.digests(header, data);
        ch.write(p);
        ch.flush();
        return out.toByteArray();
    }

    private static Pdu readBack(byte[] wire, boolean header, boolean data) throws IOException {
        PduChannel ch = new PduChannel(new ByteArrayInputStream(wire), new ByteArrayOutputStream(), 1 << 20);
        ch.digests(header, data);
        return ch.read();
    }

    @Test
    @DisplayName("issue 13: a data segment is padded to 4 bytes and its length field set; fields are big-endian")
    void paddingAndFields() throws IOException {
        Pdu p = Pdu.of(Pdu.SCSI_RESPONSE);
        p.itt(0x01020304);
        p.int32(44, 512);
        p.data(new byte[] {1, 2, 3, 4, 5});
        byte[] wire = written(p, false, false);
        assertThat(wire).hasSize(48 + 8);
        assertThat(Arrays.copyOfRange(wire, 5, 8)).containsExactly(0, 0, 5);
        assertThat(Arrays.copyOfRange(wire, 16, 20)).containsExactly(1, 2, 3, 4);
        Pdu back = readBack(wire, false, false);
        assertThat(back.opcode()).isEqualTo(Pdu.SCSI_RESPONSE);
        assertThat(back.itt()).isEqualTo(0x01020304);
        assertThat(back.int32(44)).isEqualTo(512);
        assertThat(back.data()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("issue 13: CRC32C of 32 zero bytes is 0x8a9136aa, sent least significant byte first (RFC 3720 B.4)")
    void crc32cVector() throws IOException {
        Pdu p = Pdu.of(Pdu.NOP_IN);
        p.data(new byte[32]);
        byte[] wire = written(p, false, true);
        assertThat(wire).hasSize(48 + 32 + 4);
        assertThat(Arrays.copyOfRange(wire, 80, 84)).containsExactly(0xaa, 0x36, 0x91, 0x8a);
    }

    @Test
    @DisplayName("issue 13: header and data digests round-trip; a corrupted header or data digest is a protocol error")
    void digests() throws IOException {
        Pdu p = Pdu.of(Pdu.TEXT_RESPONSE);
        p.itt(7);
        p.data("TargetName=iqn.x".getBytes());
        byte[] wire = written(p, true, true);
        assertThat(readBack(wire, true, true).data()).isEqualTo("TargetName=iqn.x".getBytes());
        byte[] badHeader = wire.clone();
        badHeader[20] ^= 1;
        assertThatThrownBy(() -> readBack(badHeader, true, true)).isInstanceOf(PduChannel.ProtocolException.class)
            .hasMessageContaining("header digest");
        byte[] badData = wire.clone();
        badData[48 + 4 + 2] ^= 1;
        assertThatThrownBy(() -> readBack(badData, true, true)).isInstanceOf(PduChannel.ProtocolException.class)
            .hasMessageContaining("data digest");
    }

    @Test
    @DisplayName("issue 13: a data segment larger than we declared is refused; end of stream reads as null")
    void limits() throws IOException {
        Pdu p = Pdu.of(Pdu.DATA_OUT);
        p.data(new byte[4096]);
        byte[] wire = written(p, false, false);
        PduChannel small = new PduChannel(new ByteArrayInputStream(wire), new ByteArrayOutputStream(), 1024);
        assertThatThrownBy(small::read).isInstanceOf(PduChannel.ProtocolException.class);
        assertThat(readBack(new byte[0], false, false)).isNull();
    }

    @Test
    @DisplayName("issue 13: text keys keep their order; a pair without '=' is a protocol error")
    void textKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("InitiatorName", "iqn.a");
        keys.put("SessionType", "Normal");
        assertThat(TextKeys.parse(TextKeys.encode(keys))).containsExactlyEntriesOf(keys);
        assertThatThrownBy(() -> TextKeys.parse("novalue\0".getBytes())).isInstanceOf(PduChannel.ProtocolException.class);
    }

    @Test
    @DisplayName("issue 13: negotiation answers InitialR2T=Yes, digests in the initiator's order, unknown keys NotUnderstood")
    void negotiation() {
        SessionParams sp = new SessionParams();
        Map<String, String> offered = new LinkedHashMap<>();
        offered.put("HeaderDigest", "CRC32C,None");
        offered.put("DataDigest", "None,CRC32C");
        offered.put("InitialR2T", "No");
        offered.put("MaxRecvDataSegmentLength", "4096");
        offered.put("MaxBurstLength", "99999999");
        offered.put("X-vendor", "1");
        Map<String, String> reply = new LinkedHashMap<>();
        sp.negotiate(offered, reply, false);
        assertThat(reply).containsEntry("HeaderDigest", "CRC32C").containsEntry("DataDigest", "None")
            .containsEntry("InitialR2T", "Yes").containsEntry("X-vendor", "NotUnderstood");
        assertThat(sp.headerDigest()).isTrue();
        assertThat(sp.dataDigest()).isFalse();
        assertThat(sp.initiatorMaxRecvData()).isEqualTo(4096);
        assertThat(sp.maxBurst()).isEqualTo(1048576);
    }
}
