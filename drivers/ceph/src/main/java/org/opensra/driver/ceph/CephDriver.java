package org.opensra.driver.ceph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayInfo;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.Demotion;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;
import org.opensra.spi.Promotion;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.TestCopyResult;

/**
 * A session on one Ceph cluster: the array is the cluster's mirroring site (its site name is the
 * array id), its peer the other cluster. Each SPI call delegates to the class of its concern.
 */
final class CephDriver implements ArrayDriver {
    private final Site site;
    private final Gateway gateway;

    CephDriver(Site site, Gateway gateway) {
        this.site = site;
        this.gateway = gateway;
    }

    /** The cluster this driver talks to (for the driver's integration tests). */
    Site site() {
        return site;
    }

    @Override
    public List<ArrayInfo> arrays() throws DriverException {
        String name = site.siteName();
        DriverDescription d = CephDescription.of();
        return List.of(new ArrayInfo(name, Optional.of(name), d.models().get(0), d.replicationSoftware().get(0),
                site.peerNames()));
    }

    @Override
    public ArrayInventory inventory(String arrayId) throws DriverException {
        checkArray(arrayId);
        return Discovery.inventory(site, gateway);
    }

    @Override
    public Map<ObjectRef, Outcome<SyncJob>> startSync(String arrayId, List<ObjectRef> refs) throws DriverException {
        checkArray(arrayId);
        return new Syncs(site).start(refs);
    }

    @Override
    public Map<SyncQuery, Outcome<SyncJob>> syncStatus(String arrayId, List<SyncQuery> queries) throws DriverException {
        checkArray(arrayId);
        return new Syncs(site).status(queries);
    }

    @Override
    public Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String arrayId, List<ReplicaRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return new TestCopies(site).create(requests);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> deleteTestCopies(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        checkArray(arrayId);
        return new TestCopies(site).delete(replicas);
    }

    @Override
    public Map<PresentationRequest, Outcome<Presentation>> present(String arrayId, List<PresentationRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        Listing all = site.listing();
        String siteName = site.siteName();
        Map<PresentationRequest, Outcome<Presentation>> out = new LinkedHashMap<>();
        for (PresentationRequest r : requests) {
            Image image = find(all, r.volumeId());
            if (image == null) {
                out.put(r, Outcome.failed(DriverError.UNKNOWN_DEVICE, "no image " + r.volumeId(), "DeviceId",
                        r.volumeId()));
                continue;
            }
            boolean testCopy = image.name().endsWith(Names.TEST_COPY_SUFFIX);
            if (!testCopy && Roles.of(image, all).access() != org.opensra.spi.VolumeAccess.READ_WRITE) {
                out.put(r, Outcome.failed(DriverError.OPERATION_FAILED, r.volumeId() + " is read-only", "Object",
                        r.volumeId(), "Reason", "read-only image"));
                continue;
            }
            String stable = testCopy ? Discovery.testCopyStableId(all.get(r.volumeId().substring(0,
                    r.volumeId().length() - Names.TEST_COPY_SUFFIX.length()))) : Discovery.stableId(image);
            out.put(r, Outcome.done(gateway.present(siteName, image, stable, r.initiators())));
        }
        return out;
    }

    @Override
    public Map<String, Outcome<Change>> unpresent(String arrayId, List<String> volumeIds) throws DriverException {
        checkArray(arrayId);
        Listing all = site.listing();
        String siteName = site.siteName();
        Map<String, Outcome<Change>> out = new LinkedHashMap<>();
        for (String id : volumeIds) {
            Image image = find(all, id);
            out.put(id, image == null
                    ? Outcome.failed(DriverError.UNKNOWN_DEVICE, "no image " + id, "DeviceId", id)
                    : Outcome.done(gateway.unpresent(siteName, image)));
        }
        return out;
    }

    @Override
    public Map<ObjectRef, Outcome<Demotion>> demote(String arrayId, List<ObjectRef> sources) throws DriverException {
        checkArray(arrayId);
        return new Failover(site).demote(sources);
    }

    @Override
    public Map<ReplicaRequest, Outcome<Promotion>> promote(String arrayId, List<ReplicaRequest> replicas)
            throws DriverException {
        checkArray(arrayId);
        return new Failover(site).promote(replicas);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareReverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return new Reversal(site).prepareReverse(requests);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return new Reversal(site).reverse(requests);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareRestoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return new Reversal(site).prepareRestore(requests);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        checkArray(arrayId);
        return new Reversal(site).restore(requests);
    }

    /** An image by spec: from the listing, or asked for directly (the listing's names may be 30 s old). */
    private Image find(Listing all, String spec) throws DriverException {
        Image image = all.get(spec);
        if (image == null) {
            image = site.image(spec).orElse(null);
        }
        return image;
    }

    private void checkArray(String arrayId) throws DriverException {
        if (!site.siteName().equals(arrayId)) {
            throw new DriverException(DriverError.UNKNOWN_ARRAY, Map.of("ArrayId", arrayId),
                    "this cluster is mirroring site " + site.siteName() + ", not " + arrayId);
        }
    }

    @Override
    public void close() {
        // HTTP connections are per call; nothing to release
    }

}
