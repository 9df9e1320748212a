package org.opensra.driver.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensra.driver.embedded.Failures.Subject;
import org.opensra.driver.embedded.json.JsonException;
import org.opensra.driver.embedded.json.JsonObject;
import org.opensra.spi.Change;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.DriverFailure;
import org.opensra.spi.Identity;
import org.opensra.spi.Initiator;
import org.opensra.spi.InitiatorType;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;

/**
 * Presents and unpresents volumes (masking) with the array's mapping API: one map call per distinct
 * initiator set, then the access list is made exactly those initiators (other host groups unmapped,
 * FO-3), and the identity is read in the configured form. NFS: one export call per client set.
 */
final class Presenter {
    private final ArrayClient client;
    private final DriverOptions options;
    private final Identities identities;

    Presenter(ArrayClient client, DriverOptions options) {
        this.client = client;
        this.options = options;
        this.identities = new Identities(options.identity());
    }

    Map<PresentationRequest, Outcome<Presentation>> present(List<PresentationRequest> requests) throws DriverException {
        Map<PresentationRequest, Outcome<Presentation>> out = new LinkedHashMap<>();
        Map<Set<Initiator>, List<PresentationRequest>> byInitiators = new LinkedHashMap<>();
        for (PresentationRequest r : new LinkedHashSet<>(requests)) {
            if (!RefBatch.isArrayId(r.volumeId())) {
                out.put(r, Outcome.failed(Failures.unknown(ObjectRef.volume(r.volumeId()), Subject.DEVICE,
                        "no volume " + r.volumeId())));
            } else if (r.initiators().stream().anyMatch(i -> i.type() == InitiatorType.HOST)) {
                out.put(r, Outcome.failed(DriverError.OPERATION_FAILED, "vCenter host initiators are not supported",
                        "Object", r.volumeId(), "Reason", "the embedded array cannot present to vCenter host ids"));
            } else {
                byInitiators.computeIfAbsent(new LinkedHashSet<>(r.initiators()), k -> new ArrayList<>()).add(r);
            }
        }
        if (options.identity() == IdentityForm.NFS) {
            for (Map.Entry<Set<Initiator>, List<PresentationRequest>> e : byInitiators.entrySet()) {
                out.putAll(export(e.getKey(), e.getValue()));
            }
            return order(requests, out);
        }
        Map<PresentationRequest, JsonObject> mapped = new LinkedHashMap<>();
        List<PresentationRequest> keepExisting = new ArrayList<>();
        for (Map.Entry<Set<Initiator>, List<PresentationRequest>> e : byInitiators.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!e.getKey().isEmpty()) {
                body.put("initiators", e.getKey().stream().map(Presenter::initiator).toList());
            } else if (options.defaultHostGroup().isPresent()) {
                body.put("hostGroup", options.defaultHostGroup().get());
            } else {
                keepExisting.addAll(e.getValue());
                continue;
            }
            List<ObjectRef> refs = e.getValue().stream().map(r -> ObjectRef.volume(r.volumeId())).toList();
            RefBatch batch = new RefBatch(refs);
            Map<ObjectRef, JsonObject> items = batch.items(post("/mappings/map", batch.body(body), "map volumes"));
            for (PresentationRequest r : e.getValue()) {
                JsonObject item = items.get(ObjectRef.volume(r.volumeId()));
                if (item != null && item.bool("ok", false)) {
                    mapped.put(r, item);
                } else {
                    out.put(r, Outcome.failed(itemFailure(r.volumeId(), item)));
                }
            }
        }
        Map<String, List<JsonObject>> current = mappingsByVolume();
        Map<String, Integer> removedExtra = unmapOthers(mapped, current);
        ReplicationListing listing = options.identity() == IdentityForm.WWN ? listing() : null;
        for (Map.Entry<PresentationRequest, JsonObject> e : mapped.entrySet()) {
            out.put(e.getKey(), presented(e.getKey(), e.getValue(), removedExtra.getOrDefault(e.getKey().volumeId(), 0),
                    listing));
        }
        for (PresentationRequest r : keepExisting) {
            List<JsonObject> existing = current.getOrDefault(r.volumeId(), List.of());
            if (existing.isEmpty()) {
                out.put(r, Outcome.failed(DriverError.OPERATION_FAILED, "no initiators requested for " + r.volumeId(),
                        "Object", r.volumeId(), "Reason", "the request names no initiators and the option "
                                + "embedded.defaultHostGroup is not configured"));
                continue;
            }
            List<Identities.Mapping> mappings = new ArrayList<>();
            existing.forEach(m -> mappings.add(mapping(m)));
            Optional<Identity> identity = identities.of(mappings, wwn(r.volumeId(), listing), Optional.empty());
            if (identity.isEmpty()) {
                out.put(r, Outcome.failed(DriverError.OPERATION_FAILED, "no identity for " + r.volumeId(),
                        "Object", r.volumeId(), "Reason", "the volume's mappings give no identity in form "
                                + options.identity().option()));
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("hostGroups", String.join(", ", existing.stream()
                    .map(m -> m.optString("hostGroupName").orElse(m.string("hostGroupId"))).toList()));
            parameters.put("access", "as configured on the array");
            out.put(r, Outcome.done(new Presentation(identity.get(), List.of(), false, parameters)));
        }
        return order(requests, out);
    }

    private Outcome<Presentation> presented(PresentationRequest request, JsonObject item, int removed,
                                            ReplicationListing listing) {
        try {
            Identities.Mapping mapping = mapping(item);
            Optional<Identity> identity = identities.of(List.of(mapping), wwn(request.volumeId(), listing), Optional.empty());
            if (identity.isEmpty()) {
                return Outcome.failed(DriverError.OPERATION_FAILED, "no identity for " + request.volumeId(),
                        "Object", request.volumeId(), "Reason", "mapped, but the array reported no "
                                + (options.identity() == IdentityForm.WWN ? "WWN" : "target") + " for it");
            }
            List<Initiator> initiators = new ArrayList<>();
            for (JsonObject i : item.objects("initiators")) {
                InventoryReader.initiatorType(i.string("type")).ifPresent(t -> initiators.add(Initiator.of(t, i.string("id"))));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("hostGroup", mapping.hostGroupId());
            parameters.put("lun", Integer.toString(mapping.lun()));
            mapping.target().ifPresent(t -> parameters.put("target", t));
            parameters.put("access", "read-write");
            parameters.put("multiHostAccess", "all initiators of the host group");
            if (removed > 0) {
                parameters.put("removedOtherMappings", Integer.toString(removed));
            }
            boolean changed = !item.bool("noop", false) || removed > 0;
            return Outcome.done(new Presentation(identity.get(),
                    initiators.isEmpty() ? request.initiators() : initiators, changed, parameters));
        } catch (JsonException e) {
            return Outcome.failed(DriverError.OPERATION_FAILED, "malformed mapping answer: " + e.getMessage(),
                    "Object", request.volumeId(), "Reason", "malformed answer: " + e.getMessage());
        }
    }

    /** Removes every mapping of a just-mapped volume to another host group; removed count per volume. */
    private Map<String, Integer> unmapOthers(Map<PresentationRequest, JsonObject> mapped,
                                             Map<String, List<JsonObject>> current) throws DriverException {
        Map<String, List<ObjectRef>> byHostGroup = new LinkedHashMap<>();
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (Map.Entry<PresentationRequest, JsonObject> e : mapped.entrySet()) {
            if (e.getKey().initiators().isEmpty()) {
                continue;
            }
            String volume = e.getKey().volumeId();
            String keep = e.getValue().optString("hostGroupId").orElse("");
            for (JsonObject m : current.getOrDefault(volume, List.of())) {
                String hostGroup = m.string("hostGroupId");
                if (!hostGroup.equals(keep)) {
                    byHostGroup.computeIfAbsent(hostGroup, k -> new ArrayList<>()).add(ObjectRef.volume(volume));
                    removed.merge(volume, 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<String, List<ObjectRef>> e : byHostGroup.entrySet()) {
            RefBatch batch = new RefBatch(e.getValue());
            post("/mappings/unmap", batch.body(Map.of("hostGroup", e.getKey())), "unmap volumes");
        }
        return removed;
    }

    private Map<PresentationRequest, Outcome<Presentation>> export(Set<Initiator> clients,
                                                                    List<PresentationRequest> requests)
            throws DriverException {
        Map<PresentationRequest, Outcome<Presentation>> out = new LinkedHashMap<>();
        if (clients.isEmpty()) {
            for (PresentationRequest r : requests) {
                out.put(r, Outcome.failed(DriverError.OPERATION_FAILED, "no NFS clients for " + r.volumeId(),
                        "Object", r.volumeId(), "Reason", "the request names no NFS client addresses"));
            }
            return out;
        }
        List<String> ips = clients.stream().map(Initiator::id).toList();
        RefBatch batch = new RefBatch(requests.stream().map(r -> ObjectRef.volume(r.volumeId())).toList());
        Map<ObjectRef, JsonObject> items = batch.items(post("/nfs/export", batch.body(Map.of("clients", ips)),
                "export volumes"));
        for (PresentationRequest r : requests) {
            JsonObject item = items.get(ObjectRef.volume(r.volumeId()));
            if (item == null || !item.bool("ok", false) || item.optString("exportPath").isEmpty()) {
                out.put(r, Outcome.failed(itemFailure(r.volumeId(), item)));
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("exportPath", item.string("exportPath"));
            parameters.put("clients", String.join(", ", item.strings("clients").isEmpty() ? ips : item.strings("clients")));
            parameters.put("access", "read-write");
            out.put(r, Outcome.done(new Presentation(new Identity.NfsName(item.string("exportPath")),
                    List.copyOf(clients), !item.bool("noop", false), parameters)));
        }
        return out;
    }

    Map<String, Outcome<Change>> unpresent(List<String> volumeIds) throws DriverException {
        Map<String, List<JsonObject>> before = mappingsByVolume();
        RefBatch batch = new RefBatch(volumeIds.stream().map(ObjectRef::volume).toList());
        Map<ObjectRef, JsonObject> items = batch.isEmpty() ? Map.of()
                : batch.items(post("/mappings/unmap", batch.body(Map.of()), "unmap volumes"));
        Map<String, Outcome<Change>> out = new LinkedHashMap<>();
        for (String id : volumeIds) {
            ObjectRef ref = ObjectRef.volume(id);
            if (out.containsKey(id)) {
                continue;
            }
            JsonObject item = items.get(ref);
            if (batch.rejected().contains(ref)) {
                out.put(id, Outcome.failed(Failures.unknown(ref, Subject.DEVICE, "no volume " + id)));
            } else if (item == null || !item.bool("ok", false)) {
                out.put(id, Outcome.failed(itemFailure(id, item)));
            } else {
                long removed = item.optLong("removed").orElse(0);
                boolean changed = !item.bool("noop", removed == 0) && removed > 0;
                if (!changed) {
                    out.put(id, Outcome.done(Change.unchanged()));
                } else {
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("removedMappings", Long.toString(removed));
                    details.put("hostGroups", String.join(", ", before.getOrDefault(id, List.of()).stream()
                            .map(m -> m.optString("hostGroupName").orElse(m.string("hostGroupId"))).toList()));
                    out.put(id, Outcome.done(Change.changed(details)));
                }
            }
        }
        return out;
    }

    private static DriverFailure itemFailure(String volumeId, JsonObject item) {
        if (item == null) {
            return DriverFailure.of(DriverError.OPERATION_FAILED, "the array did not answer for " + volumeId,
                    "Object", volumeId, "Reason", "no answer from the array for this item");
        }
        ApiError error = item.optObject("error").map(ApiError::from)
                .orElse(new ApiError("INTERNAL", "failed without a reason", Optional.of(volumeId)));
        return Failures.item(error, ObjectRef.volume(volumeId), Subject.DEVICE, Optional.empty());
    }

    private static Map<String, Object> initiator(Initiator i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", i.type().wireName());
        m.put("id", i.id());
        return m;
    }

    private static Identities.Mapping mapping(JsonObject m) {
        return new Identities.Mapping(m.string("hostGroupId"), (int) m.longValue("lun"), m.optString("target"));
    }

    private Optional<String> wwn(String volumeId, ReplicationListing listing) {
        if (listing == null) {
            return Optional.empty();
        }
        Optional<String> known = listing.wwn(volumeId);
        if (known.isPresent()) {
            return known;
        }
        try {
            return client.get("/volumes/" + ArrayClient.segment(volumeId)).optString("wwn");
        } catch (DriverException | ApiException | JsonException e) {
            return Optional.empty();
        }
    }

    private Map<String, List<JsonObject>> mappingsByVolume() throws DriverException {
        try {
            Map<String, List<JsonObject>> out = new LinkedHashMap<>();
            for (JsonObject m : get("/mappings").objects("mappings")) {
                out.computeIfAbsent(m.string("volumeId"), k -> new ArrayList<>()).add(m);
            }
            return out;
        } catch (JsonException e) {
            throw DriverFailure.of(DriverError.OPERATION_FAILED, "unexpected answer to /mappings: " + e.getMessage(),
                    "Object", client.address().text(), "Reason", "unexpected answer: " + e.getMessage()).toException();
        }
    }

    private ReplicationListing listing() throws DriverException {
        try {
            return new ReplicationListing(get("/replication"));
        } catch (JsonException e) {
            throw DriverFailure.of(DriverError.OPERATION_FAILED, "unexpected answer to /replication: " + e.getMessage(),
                    "Object", client.address().text(), "Reason", "unexpected answer: " + e.getMessage()).toException();
        }
    }

    private JsonObject get(String path) throws DriverException {
        try {
            return client.get(path);
        } catch (ApiException e) {
            throw Failures.whole(e, "GET " + path);
        }
    }

    private JsonObject post(String path, Object body, String operation) throws DriverException {
        try {
            return client.post(path, body);
        } catch (ApiException e) {
            throw Failures.whole(e, operation);
        }
    }

    private static Map<PresentationRequest, Outcome<Presentation>> order(List<PresentationRequest> requests,
                                                                         Map<PresentationRequest, Outcome<Presentation>> out) {
        Map<PresentationRequest, Outcome<Presentation>> ordered = new LinkedHashMap<>();
        for (PresentationRequest r : requests) {
            Outcome<Presentation> o = out.get(r);
            if (o != null) {
                ordered.putIfAbsent(r, o);
            }
        }
        return ordered;
    }
}
