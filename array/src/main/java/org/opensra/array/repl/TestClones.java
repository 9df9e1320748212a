package org.opensra.array.repl;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Clock;
import org.opensra.array.core.Snapshot;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.store.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writable test clones of a replica's (or a group's) recovery point; replication goes on meanwhile. */
public final class TestClones {
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
                if (Db.queryLong(c, "SELECT COUNT(*) FROM volumes WHERE role = 'clone' AND clone_of_volume = ?", 0,
                        p.volumeId()) > 0) {
                    throw new ArrayException(ErrorCode.CONFLICT, "a test clone of " + p.volumeId() + " already exists", id);
                }
                Snapshot rp = roles.chooseRp(c, p, recoveryPoint, latest, id);
                Volume replica = vols.getIn(c, p.volumeId());
                String cloneName = (name == null || name.isBlank() ? "test " + replica.name() + " " + Clock.now()
                    : members.size() > 1 ? name + " " + replica.name() : name);
                Volume clone = vols.cloneIn(c, rp, cloneName);
                clones.add(Json.obj("id", clone.id(), "name", clone.name(), "wwn", clone.wwn(), "replicaId", replica.id(),
                    "recoveryPointId", rp.id()));
                used = rp;
            }
            return Json.obj("clones", clones, "recoveryPoint", RoleOperations.pointView(used, group));
        });
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
                List<String> clones = Db.query(c, "SELECT id FROM volumes WHERE role = 'clone' AND clone_of_volume = ?",
                    rs -> rs.getString(1), r);
                for (String cl : clones) {
                    vols.deleteCloneIn(c, cl);
                    deleted.add(cl);
                }
            }
            return Json.obj("noop", deleted.isEmpty(), "deleted", deleted);
        });
    }
}
