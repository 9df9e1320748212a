package org.opensra.array.iscsi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.Ids;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** CDB decoding and execution against a real volume service (no network). */
class ScsiCommandSetTest {
    @TempDir
    Path dir;
    private Db db;
    private DataLog data;
    private VolumeService vols;
    private ScsiCommandSet scsi;
    private Reservations reservations;
    private Volume vol;
    private TreeMap<Integer, LogicalUnit> luns;
    private final Nexus me = new Nexus("iqn.me", "00023d000001", "iqn.t");
    private final Nexus other = new Nexus("iqn.other", "00023d000002", "iqn.t");

    @BeforeEach
    void setUp() {
        db = new Db(dir.resolve("meta.db"));
        data = new DataLog(dir.resolve("blocks.dat"));
        vols = new VolumeService(db, data, new Ids("unit"));
        reservations = new Reservations();
        scsi = new ScsiCommandSet(vols, reservations);
        vol = vols.create("v", 1 << 20, "block");
        luns = new TreeMap<>();
        luns.put(3, new LogicalUnit(3, vol.id(), vol.wwn(), vol.size(), true));
    }

    @AfterEach
    void tearDown() {
        data.close();
        db.close();
    }

    private static byte[] cdb(int... b) {
        byte[] c = new byte[16];
        for (int i = 0; i < b.length; i++) {
            c[i] = (byte) b[i];
        }
        return c;
    }

    private ScsiResult run(Nexus n, int lun, byte[] cdb, byte[] out) {
        return scsi.execute(n, lun, luns, cdb, out);
    }

    @Test
    @DisplayName("DD-7 VPD 0x83 carries the volume's stored WWN as one NAA type 6 designator (LU association, binary)")
    void naaDesignator() {
        ScsiResult r = run(me, 3, cdb(0x12, 0x01, 0x83, 0x01, 0x00), null);
        assertThat(r.status()).isZero();
        byte[] d = r.data();
        assertThat(d[1]).isEqualTo((byte) 0x83);
        assertThat(d[4] & 0x0f).isEqualTo(1); // code set binary
        assertThat(d[5] & 0x3f).isEqualTo(3); // association LU, type NAA
        assertThat(d[7]).isEqualTo((byte) 16);
        byte[] naa = Arrays.copyOfRange(d, 8, 24);
        assertThat(HexFormat.of().formatHex(naa)).isEqualTo(vol.wwn());
        assertThat(naa[0] >> 4 & 0xf).isEqualTo(6);
    }

    @Test
    @DisplayName("issue 13: WRITE(10) then READ(16) returns the bytes; the volume service sees the same bytes")
    void writeRead() throws Exception {
        byte[] block = new byte[1024];
        Arrays.fill(block, (byte) 0x5a);
        assertThat(run(me, 3, cdb(0x2a, 0, 0, 0, 0, 4, 0, 0, 2), block).status()).isZero();
        ScsiResult r = run(me, 3, cdb(0x88, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 2), null);
        assertThat(r.data()).isEqualTo(block);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vols.read(vol.id(), 4 * 512, 1024, out);
        assertThat(out.toByteArray()).isEqualTo(block);
    }

    @Test
    @DisplayName("issue 13: READ past the last block is LBA OUT OF RANGE; an unknown opcode is INVALID COMMAND OPERATION CODE")
    void errors() {
        long blocks = vol.size() / 512;
        ScsiResult r = run(me, 3, cdb(0x28, 0, (int) (blocks >> 24), (int) (blocks >> 16), (int) (blocks >> 8), (int) blocks, 0, 0, 1), null);
        assertThat(r.sense()).isEqualTo(Sense.LBA_OUT_OF_RANGE);
        assertThat(run(me, 3, cdb(0x89), null).sense()).isEqualTo(Sense.INVALID_OPCODE); // no COMPARE AND WRITE
        assertThat(run(me, 3, cdb(0x42), null).sense()).isEqualTo(Sense.INVALID_OPCODE); // no UNMAP
        assertThat(run(me, 9, cdb(0x00), null).sense()).isEqualTo(Sense.LUN_NOT_SUPPORTED);
        assertThat(run(me, 9, cdb(0x12, 0, 0, 0, 36), null).data()[0]).isEqualTo((byte) 0x7f);
    }

    @Test
    @DisplayName("FO-2 a read-only volume refuses WRITE with DATA PROTECT / WRITE PROTECTED and MODE SENSE shows WP")
    void writeProtected() {
        luns.put(3, new LogicalUnit(3, vol.id(), vol.wwn(), vol.size(), false));
        assertThat(run(me, 3, cdb(0x2a, 0, 0, 0, 0, 0, 0, 0, 1), new byte[512]).sense()).isEqualTo(Sense.WRITE_PROTECTED);
        ScsiResult ms = run(me, 3, cdb(0x1a, 0, 0x3f, 0, 255), null);
        assertThat(ms.data()[2] & 0x80).isEqualTo(0x80);
    }

    @Test
    @DisplayName("issue 13: RESERVE(6) by one nexus makes another's commands RESERVATION CONFLICT until RELEASE")
    void reservations() {
        assertThat(run(me, 3, cdb(0x16), null).status()).isZero();
        assertThat(run(other, 3, cdb(0x00), null).status()).isEqualTo(ScsiResult.RESERVATION_CONFLICT);
        assertThat(run(other, 3, cdb(0x12, 0, 0, 0, 36), null).status()).isZero(); // INQUIRY is allowed
        assertThat(run(other, 3, cdb(0x17), null).status()).isZero(); // RELEASE from another nexus: no-op
        assertThat(run(other, 3, cdb(0x00), null).status()).isEqualTo(ScsiResult.RESERVATION_CONFLICT);
        assertThat(run(me, 3, cdb(0x17), null).status()).isZero();
        assertThat(run(other, 3, cdb(0x00), null).status()).isZero();
    }

    @Test
    @DisplayName("issue 13: a mapping change raises REPORTED LUNS DATA HAS CHANGED once; REPORT LUNS lists the new LUNs and clears it")
    void lunsChanged() {
        me.observe(luns);
        TreeMap<Integer, LogicalUnit> more = new TreeMap<>(luns);
        Volume v2 = vols.create("v2", 1 << 20, "block");
        more.put(300, new LogicalUnit(300, v2.id(), v2.wwn(), v2.size(), true));
        me.observe(more);
        me.observe(more);
        ScsiResult tur = scsi.execute(me, 3, more, cdb(0x00), null);
        assertThat(tur.sense()).isEqualTo(Sense.REPORTED_LUNS_CHANGED);
        assertThat(scsi.execute(me, 3, more, cdb(0x00), null).status()).isZero();
        ScsiResult rl = scsi.execute(me, 0, more, cdb(0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0), null);
        assertThat(Arrays.copyOfRange(rl.data(), 0, 4)).containsExactly(0, 0, 0, 16);
        assertThat(Arrays.copyOfRange(rl.data(), 8, 10)).containsExactly(0, 3);
        assertThat(Arrays.copyOfRange(rl.data(), 16, 18)).containsExactly(0x41, 0x2c); // flat space LUN 300
        assertThat(LunAddress.decode(LunAddress.encodeLong(300))).isEqualTo(300);
    }

    @Test
    @DisplayName("issue 13: WRITE data length comes from the CDB; a shortened CDB keeps the LBA")
    void writeLengths() {
        byte[] w16 = cdb(0x8a, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 8);
        assertThat(ScsiCommandSet.dataOutLength(w16)).isEqualTo(8 * 512);
        byte[] cut = ScsiCommandSet.withBlocks(w16, 2);
        assertThat(ScsiCommandSet.dataOutLength(cut)).isEqualTo(1024);
        assertThat(cut[9]).isEqualTo((byte) 9);
        assertThat(ScsiCommandSet.dataOutLength(cdb(0x28, 0, 0, 0, 0, 0, 0, 0, 8))).isZero();
    }

    @Test
    @DisplayName("issue 13: MODE SENSE(10) with long LBA block descriptor, READ CAPACITY(16), RSOC for one opcode")
    void modeSense10AndCapacity() {
        ScsiResult ms = run(me, 3, cdb(0x5a, 0x10, 0x08, 0, 0, 0, 0, 0x01, 0x00, 0), null);
        byte[] d = ms.data();
        assertThat(d[4] & 1).as("LONGLBA").isEqualTo(1);
        assertThat(d[7]).isEqualTo((byte) 16);
        assertThat(ScsiCommandSet.u64(d, 8)).isEqualTo(vol.size() / 512);
        assertThat(d[8 + 16] & 0x3f).as("caching page").isEqualTo(0x08);
        assertThat(((d[0] & 0xff) << 8 | (d[1] & 0xff)) + 2).isEqualTo(d.length);
        ScsiResult rc = run(me, 3, cdb(0x9e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32), null);
        assertThat(ScsiCommandSet.u64(rc.data(), 0)).isEqualTo(vol.size() / 512 - 1);
        assertThat(ScsiCommandSet.u32(rc.data(), 8)).isEqualTo(512);
        ScsiResult one = run(me, 3, cdb(0xa3, 0x0c, 0x01, 0x28, 0, 0, 0, 0, 1, 0), null);
        assertThat(one.data()[1] & 0x07).as("supported").isEqualTo(3);
        assertThat(one.data()[4]).isEqualTo((byte) 0x28);
        ScsiResult withSa = run(me, 3, cdb(0xa3, 0x0c, 0x01, 0x9e, 0, 0x10, 0, 0, 1, 0), null);
        assertThat(withSa.sense().asc()).isEqualTo(0x24);
        assertThat(withSa.sense().fieldPointer()).isEqualTo(2);
        ScsiResult absent = run(me, 3, cdb(0xa3, 0x0c, 0x01, 0x89, 0, 0, 0, 0, 1, 0), null);
        assertThat(absent.data()[1] & 0x07).as("COMPARE AND WRITE not supported").isEqualTo(1);
    }
}
