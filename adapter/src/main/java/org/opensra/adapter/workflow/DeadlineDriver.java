package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Map;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayInfo;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.Change;
import org.opensra.spi.Deadline;
import org.opensra.spi.Demotion;
import org.opensra.spi.DriverException;
import org.opensra.spi.ObjectRef;
import org.opensra.spi.Outcome;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;
import org.opensra.spi.Promotion;
import org.opensra.spi.RecoveryPoint;
import org.opensra.spi.ReplicaRequest;
import org.opensra.spi.ReplicationChange;
import org.opensra.spi.ReplicationSettings;
import org.opensra.spi.SettingsRequest;
import org.opensra.spi.SyncJob;
import org.opensra.spi.SyncQuery;
import org.opensra.spi.TestCopyResult;

/**
 * A driver session under the command's deadline (INV-3, RESP-1): once the deadline has passed, every
 * call fails at once with {@link org.opensra.spi.DriverError#DEADLINE_REACHED} instead of reaching the
 * driver, so the workflows answer each item not yet done with its own error 1019 (through the same
 * per-item paths as any failed batch call) and the command answers SRM before SRM gives up. A call
 * already running is bounded by the driver, which got the deadline when the session was opened.
 */
final class DeadlineDriver implements ArrayDriver {
    private final ArrayDriver driver;
    private final Deadline deadline;

    DeadlineDriver(ArrayDriver driver, Deadline deadline) {
        this.driver = driver;
        this.deadline = deadline;
    }

    @Override
    public List<ArrayInfo> arrays() throws DriverException {
        deadline.check("the array discovery");
        return driver.arrays();
    }

    @Override
    public ArrayInventory inventory(String arrayId) throws DriverException {
        deadline.check("reading the inventory of " + arrayId);
        return driver.inventory(arrayId);
    }

    @Override
    public Map<String, Outcome<Map<String, String>>> deviceDetails(String arrayId, List<String> volumeIds)
            throws DriverException {
        deadline.check("reading device details");
        return driver.deviceDetails(arrayId, volumeIds);
    }

    @Override
    public Map<ObjectRef, Outcome<List<RecoveryPoint>>> recoveryPoints(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        deadline.check("listing recovery points");
        return driver.recoveryPoints(arrayId, replicas);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationSettings>> replicationSettings(String arrayId, List<ObjectRef> refs)
            throws DriverException {
        deadline.check("reading replication settings");
        return driver.replicationSettings(arrayId, refs);
    }

    @Override
    public Map<ObjectRef, Outcome<SyncJob>> startSync(String arrayId, List<ObjectRef> refs) throws DriverException {
        deadline.check("starting replication");
        return driver.startSync(arrayId, refs);
    }

    @Override
    public Map<SyncQuery, Outcome<SyncJob>> syncStatus(String arrayId, List<SyncQuery> queries) throws DriverException {
        deadline.check("reading the replication status");
        return driver.syncStatus(arrayId, queries);
    }

    @Override
    public Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String arrayId, List<ReplicaRequest> requests)
            throws DriverException {
        deadline.check("creating test copies");
        return driver.createTestCopies(arrayId, requests);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> deleteTestCopies(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        deadline.check("deleting test copies");
        return driver.deleteTestCopies(arrayId, replicas);
    }

    @Override
    public Map<PresentationRequest, Outcome<Presentation>> present(String arrayId, List<PresentationRequest> requests)
            throws DriverException {
        deadline.check("presenting volumes");
        return driver.present(arrayId, requests);
    }

    @Override
    public Map<String, Outcome<Change>> unpresent(String arrayId, List<String> volumeIds) throws DriverException {
        deadline.check("removing host access");
        return driver.unpresent(arrayId, volumeIds);
    }

    @Override
    public Map<ObjectRef, Outcome<Demotion>> demote(String arrayId, List<ObjectRef> sources) throws DriverException {
        deadline.check("demoting sources");
        return driver.demote(arrayId, sources);
    }

    @Override
    public Map<ReplicaRequest, Outcome<Promotion>> promote(String arrayId, List<ReplicaRequest> replicas)
            throws DriverException {
        deadline.check("promoting replicas");
        return driver.promote(arrayId, replicas);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareReverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        deadline.check("preparing reverse replication");
        return driver.prepareReverseReplication(arrayId, requests);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        deadline.check("reversing replication");
        return driver.reverseReplication(arrayId, requests);
    }

    @Override
    public Map<ObjectRef, Outcome<Change>> prepareRestoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        deadline.check("preparing restore replication");
        return driver.prepareRestoreReplication(arrayId, requests);
    }

    @Override
    public Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        deadline.check("restoring replication");
        return driver.restoreReplication(arrayId, requests);
    }

    @Override
    public void close() {
        driver.close();
    }
}
