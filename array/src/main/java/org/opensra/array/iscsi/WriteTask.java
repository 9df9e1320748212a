package org.opensra.array.iscsi;

/**
 * A WRITE waiting for its data: the buffer of the SCSI command's length, what has arrived so far and
 * the R2T sequence in progress (one outstanding R2T at a time).
 */
final class WriteTask {
    final int itt;
    final int lun;
    final byte[] cdb;
    final byte[] buffer;
    final int residualFlags;
    final int residual;
    int received;
    int ttt;
    int r2tSn;
    int burstEnd;
    int expectedDataSn;

    WriteTask(int itt, int lun, byte[] cdb, int length, int residualFlags, int residual) {
        this.itt = itt;
        this.lun = lun;
        this.cdb = cdb;
        this.buffer = new byte[length];
        this.residualFlags = residualFlags;
        this.residual = residual;
    }

    boolean complete() {
        return received == buffer.length;
    }
}
