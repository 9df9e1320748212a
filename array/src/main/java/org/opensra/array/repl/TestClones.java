package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writable test clones of a replica's (or a group's) recovery point; replication goes on meanwhile.
 * A test clone lives only while its replica is a replication target: promote and reverse refuse a
 * pair or group that still has one ({@link #refuseWhileTested}), so a test copy never outlives the
 * test it belongs to nor stays mapped to recovery hosts once its pair changed roles.
 */
public final class TestClones {
    /** The test copies of a volume: the clones test-clones made of it (recorded in test_copies). */
    private static final String TEST_COPIES = "SELECT v.id, v.name FROM test_copies t JOIN volumes v ON v.id = t.clone_id"
        + " WHERE t.volume_id = ? ORDER BY v.rowid";

    private final VolumeService vols;
    private final TransferReceiver receiver;
    private final RoleOperations roles;

    public TestClones(VolumeService vols, TransferReceiver receiver, RoleOperations roles) {
        this.vols = vols;
        this.receiver = receiver;
        this.roles = roles;
    }

    public Map<String, Object> create(String id, boolean group, String recoveryPoint, String name) {
        return vols.db().tx(c -> {
            List<Pair> members = Units.resolve(c, id, group, false);
            List<Map<String, Object>> clones = new ArrayList<>();
            Snapshot used = null;
            for (Pair p : members) {
                if (!Pair.TARGET.equals(p.role())) {
                    throw ArrayException.wrongState(id, "test clones are made of replicas; " + p.volumeId() + " is " + p.role());
                }
                Snapshot latest = receiver.latestRp(c, p.volumeId());
                if (latest == null) {
                    throw ArrayException.wrongState(id, "no replica of " + p.volumeId() + " yet (initial sync not done)");
                }
                List<String> existing = testCopies(c, p.volumeId());
                if (!existing.isEmpty()) {
                    throw new ArrayException(ErrorCode.CONFLICT, "a test clone of " + p.volumeId() + " already exists: "
                        + String.join(", ", existing), id);
                }
                Snapshot rp = roles.chooseRp(c, p, recoveryPoint, latest, id);
                Volume replica = vols.getIn(c, p.volumeId());
                String cloneName = (name == null || name.isBlank() ? "test " + replica.name() + " " + Clock.now()
                    : members.size() > 1 ? name + " " + replica.name() : name);
                Volume clone = vols.cloneIn(c, rp, cloneName);
                clones.add(Json.obj("id", clone.id(), "name", clone.name(), "wwn", clone.wwn(), "replicaId", replica.id(),
                    "recoveryPointId", rp.id()));
                used = rp;
                Db.update(c, "INSERT INTO test_copies(clone_id, volume_id) VALUES(?, ?)", clone.id(), replica.id());
            }
            return Json.obj("clones", clones, "recoveryPoint", RoleOperations.pointView(used, group));
        });
    }

    /**
     * Refuses a role change (promote, reverse) of members one of whose volumes still has a test
     * clone: the test must be ended first (testFailoverStop). The spec pairs every testFailoverStart
     * with a testFailoverStop that deletes the copy; deleting it here instead would pull a LUN from
     * under running test VMs.
     */
    static void refuseWhileTested(Connection c, List<Pair> members, String item, String operation) throws SQLException {
        for (Pair p : members) {
            List<String> clones = testCopies(c, p.volumeId());
            if (!clones.isEmpty()) {
                throw ArrayException.wrongState(item, "cannot " + operation + " " + item + ": test copy "
                    + String.join(", ", clones) + " of " + p.volumeId() + " still exists; end the test first"
                    + " (testFailoverStop, POST /replication/test-clones/delete)");
            }
        }
    }

    /** The test copies of a volume, each as {@code id ("name")}. */
    private static List<String> testCopies(Connection c, String volumeId) throws SQLException {
        return Db.query(c, TEST_COPIES, rs -> rs.getString(1) + " (\"" + rs.getString(2) + "\")", volumeId);
    }

    public Map<String, Object> delete(String id, boolean group) {
        return vols.db().tx(c -> {
            List<String> replicaIds = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            Volume direct = group ? null : vols.findIn(c, id);
            if (direct != null && "clone".equals(direct.role())) {
                vols.deleteCloneIn(c, id);
                deleted.add(id);
            } else {
                for (Pair p : Units.resolve(c, id, group, false)) {
                    replicaIds.add(p.volumeId());
                }
            }
            for (String r : replicaIds) {
                List<String> clones = Db.query(c, TEST_COPIES, rs -> rs.getString(1), r);
                for (String cl : clones) {
                    vols.deleteCloneIn(c, cl);
                    deleted.add(cl);
                }
            }
            return Json.obj("noop", deleted.isEmpty(), "deleted", deleted);
        });
    }
}
