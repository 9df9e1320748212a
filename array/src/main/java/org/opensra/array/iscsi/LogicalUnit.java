package org.opensra.array.iscsi;

import java.util.HexFormat;

/**
 * A volume as one initiator sees it at one moment: its LUN number, volume id, NAA WWN (32 hex digits,
 * the array's stored WWN of the volume), size and whether it accepts writes.
 */
public record LogicalUnit(int lun, String volumeId, String wwn, long sizeBytes, boolean writable) {
    public static final int BLOCK_SIZE = 512;

    public long blocks() {
        return sizeBytes / BLOCK_SIZE;
    }

    /** The 16 bytes of the NAA designator (VPD page 0x83). */
    public byte[] naa() {
        return HexFormat.of().parseHex(wwn.replace(":", ""));
    }
}
