package org.opensra.array.present;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.Json;
import org.opensra.array.core.Volume;
import org.opensra.array.core.VolumeService;
import org.opensra.array.core.Wwn;
import org.opensra.array.store.Db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Hosts, initiators, host groups, LUN mappings, storage ports and NFS exports. */
public final class Presentation {
    public record Initiator(String type, String id) {
        public static Initiator parse(JsonNode n) {
            String type = normalizeType(Json.required(n, "type"));
            String id = Json.required(n, "id").trim();
            return new Initiator(type, "FC".equals(type) ? id.toLowerCase(Locale.ROOT) : id);
        }
    }

    private final VolumeService vols;
    private final boolean oneLunPerTarget;
    private final String arrayId;

    public Presentation(VolumeService vols, boolean oneLunPerTarget) {
        this.vols = vols;
        this.oneLunPerTarget = oneLunPerTarget;
        this.arrayId = vols.ids().arrayId();
    }

    static String normalizeType(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "fc" -> "FC";
            case "iscsi" -> "iSCSI";
            case "nfs" -> "NFS";
            default -> throw ArrayException.badRequest("initiator type must be FC, iSCSI or NFS: " + t);
        };
    }

    public String iqn() {
        return "iqn.2026-11.org.opensra:" + arrayId;
    }

    public Map<String, Object> ports() {
        return Json.obj("fc", List.of(Wwn.wwpn(arrayId, 1), Wwn.wwpn(arrayId, 2)), "iscsi", List.of(iqn()),
            "nfs", List.of("127.0.0.1"));
    }

    // ---------------------------------------------------------------- hosts and host groups

    public Map<String, Object> createHost(String name, List<Initiator> initiators) {
        if (name == null || name.isBlank()) {
            throw ArrayException.badRequest("a host needs a name");
        }
        return vols.db().tx(c -> {
            if (Db.queryLong(c, "SELECT COUNT(*) FROM hosts WHERE name = ?", 0, name) > 0) {
                throw new ArrayException(ErrorCode.CONFLICT, "a host named " + name + " exists", name);
            }
            String id = vols.ids().next(c, "host");
            Db.update(c, "INSERT INTO hosts(id, name) VALUES(?, ?)", id, name);
            for (Initiator i : initiators) {
                String owner = Db.queryString(c, "SELECT host_id FROM initiators WHERE type = ? AND iid = ?", i.type(), i.id());
                if (owner != null) {
                    throw new ArrayException(ErrorCode.CONFLICT, "initiator " + i.id() + " belongs to host " + owner, i.id());
                }
                Db.update(c, "INSERT INTO initiators(type, iid, host_id) VALUES(?,?,?)", i.type(), i.id(), id);
            }
            return hostView(c, id);
        });
    }

    private Map<String, Object> hostView(Connection c, String id) throws SQLException {
        String name = Db.queryString(c, "SELECT name FROM hosts WHERE id = ?", id);
        return Json.obj("id", id, "name", name, "initiators", initiatorsOfHost(c, id));
    }

    private static List<Map<String, Object>> initiatorsOfHost(Connection c, String hostId) throws SQLException {
        return Db.query(c, "SELECT type, iid FROM initiators WHERE host_id = ? ORDER BY type, iid",
            rs -> Json.obj("type", rs.getString(1), "id", rs.getString(2)), hostId);
    }

    public Map<String, Object> hosts() {
        return vols.db().tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : Db.query(c, "SELECT id FROM hosts ORDER BY rowid", rs -> rs.getString(1))) {
                out.add(hostView(c, id));
            }
            return Json.obj("hosts", out);
        });
    }

    public Map<String, Object> createHostGroup(String name, List<String> hostIds) {
        if (name == null || name.isBlank()) {
            throw ArrayException.badRequest("a host group needs a name");
        }
        return vols.db().tx(c -> {
            if (Db.queryLong(c, "SELECT COUNT(*) FROM host_groups WHERE name = ?", 0, name) > 0) {
                throw new ArrayException(ErrorCode.CONFLICT, "a host group named " + name + " exists", name);
            }
            String id = vols.ids().next(c, "hg");
            Db.update(c, "INSERT INTO host_groups(id, name) VALUES(?, ?)", id, name);
            for (String h : hostIds) {
                if (Db.queryString(c, "SELECT id FROM hosts WHERE id = ?", h) == null) {
                    throw ArrayException.notFound("host", h);
                }
                Db.update(c, "INSERT OR IGNORE INTO host_group_members(group_id, host_id) VALUES(?, ?)", id, h);
            }
            return groupView(c, id);
        });
    }

    private Map<String, Object> groupView(Connection c, String id) throws SQLException {
        String name = Db.queryString(c, "SELECT name FROM host_groups WHERE id = ?", id);
        List<String> hosts = Db.query(c, "SELECT host_id FROM host_group_members WHERE group_id = ? ORDER BY host_id",
            rs -> rs.getString(1), id);
        List<Map<String, Object>> inits = Db.query(c, "SELECT i.type, i.iid FROM initiators i JOIN host_group_members m"
            + " ON m.host_id = i.host_id WHERE m.group_id = ? ORDER BY i.type, i.iid",
            rs -> Json.obj("type", rs.getString(1), "id", rs.getString(2)), id);
        return Json.obj("id", id, "name", name, "hosts", hosts, "initiators", inits);
    }

    public Map<String, Object> hostGroups() {
        return vols.db().tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : Db.query(c, "SELECT id FROM host_groups ORDER BY rowid", rs -> rs.getString(1))) {
                out.add(groupView(c, id));
            }
            return Json.obj("hostGroups", out);
        });
    }

    // ---------------------------------------------------------------- mappings

    public Map<String, Object> mappings() {
        return vols.db().tx(c -> Json.obj("mappings", Db.query(c, "SELECT m.volume_id, m.group_id, g.name, m.lun, m.target"
            + " FROM mappings m JOIN host_groups g ON g.id = m.group_id ORDER BY m.volume_id, m.lun",
            rs -> Json.obj("volumeId", rs.getString(1), "hostGroupId", rs.getString(2), "hostGroupName", rs.getString(3),
                "lun", rs.getInt(4), "target", rs.getString(5)))));
    }

    /** Maps one volume to a host group (given, or the one whose initiators are exactly these). */
    public Map<String, Object> map(String volumeId, String hostGroup, List<Initiator> initiators, Integer lun) {
        return vols.db().tx(c -> {
            Volume v = vols.getIn(c, volumeId);
            String group = hostGroup != null ? checkGroup(c, hostGroup) : groupFor(c, initiators);
            Integer existing = Db.query(c, "SELECT lun FROM mappings WHERE volume_id = ? AND group_id = ?",
                rs -> rs.getInt(1), v.id(), group).stream().findFirst().orElse(null);
            boolean noop = existing != null;
            int l;
            if (noop) {
                l = existing;
            } else {
                TreeSet<Integer> used = new TreeSet<>(Db.query(c, "SELECT lun FROM mappings WHERE group_id = ?",
                    rs -> rs.getInt(1), group));
                if (lun != null) {
                    if (lun < 0 || lun > 16383) {
                        throw ArrayException.badRequest("LUN must be between 0 and 16383");
                    }
                    if (used.contains(lun)) {
                        throw new ArrayException(ErrorCode.CONFLICT, "LUN " + lun + " is used in host group " + group, v.id());
                    }
                    l = lun;
                } else {
                    l = 1;
                    while (used.contains(l)) {
                        l++;
                    }
                }
                String target = oneLunPerTarget ? iqn() + "." + v.id() : iqn();
                Db.update(c, "INSERT INTO mappings(volume_id, group_id, lun, target) VALUES(?,?,?,?)", v.id(), group, l, target);
            }
            String target = Db.queryString(c, "SELECT target FROM mappings WHERE volume_id = ? AND group_id = ?", v.id(), group);
            return Json.obj("hostGroupId", group, "lun", l, "target", target,
                "initiators", groupView(c, group).get("initiators"), "noop", noop);
        });
    }

    private static String checkGroup(Connection c, String id) throws SQLException {
        if (Db.queryString(c, "SELECT id FROM host_groups WHERE id = ?", id) == null) {
            throw ArrayException.notFound("host group", id);
        }
        return id;
    }

    /** The host group whose initiator set equals the given one; an ad-hoc group is made if none does. */
    private String groupFor(Connection c, List<Initiator> initiators) throws SQLException {
        if (initiators == null || initiators.isEmpty()) {
            throw ArrayException.badRequest("give a hostGroup or a list of initiators");
        }
        TreeSet<String> wanted = new TreeSet<>();
        for (Initiator i : initiators) {
            wanted.add(i.type() + ":" + i.id());
        }
        for (String g : Db.query(c, "SELECT id FROM host_groups ORDER BY rowid", rs -> rs.getString(1))) {
            TreeSet<String> have = new TreeSet<>(Db.query(c, "SELECT i.type || ':' || i.iid FROM initiators i"
                + " JOIN host_group_members m ON m.host_id = i.host_id WHERE m.group_id = ?", rs -> rs.getString(1), g));
            if (have.equals(wanted)) {
                return g;
            }
        }
        long n = vols.ids().nextNumber(c, "adhoc");
        String gid = vols.ids().next(c, "hg");
        Db.update(c, "INSERT INTO host_groups(id, name) VALUES(?, ?)", gid, "adhoc-" + n);
        for (Initiator i : initiators) {
            String host = Db.queryString(c, "SELECT host_id FROM initiators WHERE type = ? AND iid = ?", i.type(), i.id());
            if (host == null) {
                host = vols.ids().next(c, "host");
                Db.update(c, "INSERT INTO hosts(id, name) VALUES(?, ?)", host, "adhoc-" + n + " " + i.id());
                Db.update(c, "INSERT INTO initiators(type, iid, host_id) VALUES(?,?,?)", i.type(), i.id(), host);
            }
            Db.update(c, "INSERT OR IGNORE INTO host_group_members(group_id, host_id) VALUES(?, ?)", gid, host);
        }
        return gid;
    }

    public Map<String, Object> unmap(String volumeId, String hostGroup, List<Initiator> initiators) {
        return vols.db().tx(c -> {
            vols.getIn(c, volumeId);
            int removed;
            if (hostGroup != null) {
                removed = Db.update(c, "DELETE FROM mappings WHERE volume_id = ? AND group_id = ?", volumeId, hostGroup);
            } else if (initiators != null && !initiators.isEmpty()) {
                removed = 0;
                for (Initiator i : initiators) {
                    removed += Db.update(c, "DELETE FROM mappings WHERE volume_id = ? AND group_id IN (SELECT m.group_id"
                        + " FROM host_group_members m JOIN initiators i ON i.host_id = m.host_id WHERE i.type = ? AND i.iid = ?)",
                        volumeId, i.type(), i.id());
                }
            } else {
                removed = Db.update(c, "DELETE FROM mappings WHERE volume_id = ?", volumeId);
            }
            return Json.obj("noop", removed == 0, "removed", removed);
        });
    }

    // ---------------------------------------------------------------- NFS

    public Map<String, Object> export(String volumeId, List<String> clients) {
        return vols.db().tx(c -> {
            Volume v = vols.getIn(c, volumeId);
            if (!"file".equals(v.kind())) {
                throw ArrayException.wrongState(volumeId, "volume " + volumeId + " is a block volume; only file volumes are exported");
            }
            TreeSet<String> all = new TreeSet<>();
            if (v.nfsClients() != null && !v.nfsClients().isEmpty()) {
                all.addAll(List.of(v.nfsClients().split(",")));
            }
            all.addAll(clients);
            Db.update(c, "UPDATE volumes SET nfs_clients = ? WHERE id = ?", String.join(",", all), volumeId);
            return Json.obj("exportPath", v.nfsExport(), "clients", new ArrayList<>(all));
        });
    }
}
