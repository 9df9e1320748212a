package org.opensra.spi;

import java.util.List;
import java.util.Map;

/**
 * A session on one array management system: the array primitives the adapter's workflows are built
 * from, in the array's own terms (arrays, replicated volumes and groups, test copies, snapshots,
 * presentation, demote/promote/reverse/restore, sync jobs). The workflow rules (per-item results,
 * idempotency warnings, group rules, device-name filter, logging, progress) live once in the adapter.
 *
 * <h2>Common contract</h2>
 * <ul>
 * <li><b>Ids.</b> Every id is the array's own object id (docs/ARCHITECTURE.md, "Identifiers"): a
 *     volume or group id, a replica id (= TargetDevice/TargetGroup key), a clone volume id (= test
 *     snapshot id) or a promoted volume id. Ids are stable and may contain blanks.</li>
 * <li><b>Batches.</b> Every call that acts on objects takes a list and answers with a map holding
 *     exactly one {@link Outcome} per requested item, keyed by the requested value, so that 1,000
 *     devices cost a handful of round trips. A failure of one item is an {@link Outcome.Failed} for
 *     that item only; a {@link DriverException} means the whole call failed (array unreachable,
 *     credentials refused, unknown array, unsupported ability). The adapter treats an item missing
 *     from the answer as a failed item.</li>
 * <li><b>Groups.</b> An {@link ObjectRef} of kind GROUP acts on the whole group atomically (all
 *     members or none); a member volume is never acted on alone through a VOLUME ref (the adapter
 *     rejects such requests before calling the driver).</li>
 * <li><b>Idempotency.</b> Every state change is idempotent: asking for the state an object already
 *     has succeeds and reports {@code changed = false}; the adapter turns that into a no-op warning.
 *     Concurrent calls from several SRA processes must leave the array consistent (INV-7).</li>
 * <li><b>Errors.</b> Unknown objects: {@link DriverError#UNKNOWN_DEVICE} (source or promoted volume
 *     id), {@link DriverError#UNKNOWN_KEY} (replica id), {@link DriverError#UNKNOWN_GROUP}. An object in
 *     a state that forbids the operation: {@link DriverError#WRONG_STATE} with Object and State. A
 *     refusal of the array: {@link DriverError#OPERATION_FAILED} with Object and Reason.</li>
 * <li><b>Secrets.</b> No credential in any message, placeholder or detail map.</li>
 * </ul>
 *
 * <p>Optional abilities are default methods throwing {@link DriverException#unsupported}; a driver
 * that declares the matching {@link Feature} overrides them.
 */
public interface ArrayDriver extends AutoCloseable {

    // ---------------------------------------------------------------- discovery

    /**
     * The arrays behind this management system and their replication peers (DA-1). Read only.
     * Several entries only with {@link Feature#MULTI_ARRAY_DISCOVERY}.
     *
     * @throws DriverException ARRAY_UNREACHABLE, AUTHENTICATION_FAILED
     */
    List<ArrayInfo> arrays() throws DriverException;

    /**
     * Every replicated volume and group of the array (towards any peer), their roles, access modes,
     * link states, identities (only when presented), test copies and promoted ids, plus the storage
     * ports and initiator groups the identities need (DD-7). One call, read only; the adapter filters
     * by peer and by device name.
     *
     * @throws DriverException ARRAY_UNREACHABLE, AUTHENTICATION_FAILED, UNKNOWN_ARRAY
     */
    ArrayInventory inventory(String arrayId) throws DriverException;

    // ---------------------------------------------------------------- optional queries

    /**
     * Custom properties of volumes (DET-1), named as in {@link DriverDescription#customProperties()}.
     * Requires {@link Feature#DEVICE_DETAILS}. Per item: UNKNOWN_DEVICE.
     */
    default Map<String, Outcome<Map<String, String>>> deviceDetails(String arrayId, List<String> volumeIds)
            throws DriverException {
        throw DriverException.unsupported("deviceDetails");
    }

    /**
     * Recovery points available for replicas, newest first (RP-1). Requires
     * {@link Feature#RECOVERY_POINTS}. Per item: UNKNOWN_KEY / UNKNOWN_GROUP, NO_REPLICA.
     */
    default Map<ObjectRef, Outcome<List<RecoveryPoint>>> recoveryPoints(String arrayId, List<ObjectRef> replicas)
            throws DriverException {
        throw DriverException.unsupported("recoveryPoints");
    }

    /**
     * Replication settings of sources or replicas (RS-1), read at the side the execution model names
     * for syncOnce. Requires {@link Feature#REPLICATION_SETTINGS}. Per item: UNKNOWN_*.
     */
    default Map<ObjectRef, Outcome<ReplicationSettings>> replicationSettings(String arrayId, List<ObjectRef> refs)
            throws DriverException {
        throw DriverException.unsupported("replicationSettings");
    }

    // ---------------------------------------------------------------- sync (optional)

    /**
     * Starts an immediate replication of each source (or, pull model, each replica) and returns at
     * once (SYNC-1). When a session is already running for the item, returns that session with
     * {@link SyncJob#alreadyRunning()} set instead of starting one (SYNC-2). For synchronous
     * replication the job may be complete at once, but a broken link is REPLICATION_BROKEN (SYNC-5).
     * Requires {@link Feature#SYNC}. Per item: UNKNOWN_*, WRONG_STATE (e.g. a replica at the push
     * side), REPLICATION_BROKEN.
     */
    default Map<ObjectRef, Outcome<SyncJob>> startSync(String arrayId, List<ObjectRef> refs) throws DriverException {
        throw DriverException.unsupported("startSync");
    }

    /**
     * Status of sync jobs started by {@link #startSync} (SYNC-3). Read only. Requires
     * {@link Feature#SYNC}. Per item: UNKNOWN_SYNC, REPLICATION_BROKEN.
     */
    default Map<SyncQuery, Outcome<SyncJob>> syncStatus(String arrayId, List<SyncQuery> queries) throws DriverException {
        throw DriverException.unsupported("syncStatus");
    }

    // ---------------------------------------------------------------- test failover

    /**
     * Makes a writable copy (clone) of each replica from the requested recovery point or the latest
     * replicated data, without affecting replication (TF-2, TF-3). A group is copied as a whole,
     * crash-consistently. The copies are not presented (see {@link #present}). Per item: UNKNOWN_KEY /
     * UNKNOWN_GROUP, NO_REPLICA, UNKNOWN_RECOVERY_POINT, TEST_COPY_EXISTS (a copy of this replica
     * already exists, TF-6), WRONG_STATE (e.g. a promoted replica).
     */
    Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String arrayId, List<ReplicaRequest> requests)
            throws DriverException;

    /**
     * Deletes the test copy of each replica (after the adapter unpresented it) (TF-7). Idempotent: a
     * replica without a copy answers {@code changed = false}. Per item: UNKNOWN_KEY / UNKNOWN_GROUP.
     */
    Map<ObjectRef, Outcome<Change>> deleteTestCopies(String arrayId, List<ObjectRef> replicas) throws DriverException;

    // ---------------------------------------------------------------- presentation

    /**
     * Presents volumes (clones, promoted replicas, sources) to hosts and returns their identity in
     * the driver's identification form. Idempotent; with initiators given, the access list becomes
     * exactly those initiators (FO-3 re-verification). Per item: UNKNOWN_DEVICE, OPERATION_FAILED
     * with the initiator and the reason (the adapter turns a failure into warning 2002, TF-5, FO-4).
     */
    Map<PresentationRequest, Outcome<Presentation>> present(String arrayId, List<PresentationRequest> requests)
            throws DriverException;

    /**
     * Removes all host access from volumes (masking). Idempotent: an unpresented volume answers
     * {@code changed = false}; {@link Change#details()} names the hosts removed. Per item:
     * UNKNOWN_DEVICE.
     */
    Map<String, Outcome<Change>> unpresent(String arrayId, List<String> volumeIds) throws DriverException;

    // ---------------------------------------------------------------- failover

    /**
     * Makes sources read-only (demoted source, PF-1): removes host write access, takes a pre-failover
     * snapshot of each volume first when the array keeps one (PF-4), then changes the access mode.
     * Idempotent (PF-2): a repeat answers {@code changed = false} and the same snapshots. A source whose
     * peer replica was already promoted (disaster order, PF-3) is demoted all the same and answers
     * {@link Demotion#peerPromoted()}. Per item: UNKNOWN_DEVICE / UNKNOWN_GROUP, WRONG_STATE (e.g. the
     * volume is a replica or a group member).
     */
    Map<ObjectRef, Outcome<Demotion>> demote(String arrayId, List<ObjectRef> sources) throws DriverException;

    /**
     * Fails replicas over (FO-2): stops replication into each replica (working while the peer array is
     * unreachable, FO-5), takes a revert snapshot of it, rolls it to the requested recovery point or
     * keeps the latest data, and makes it read-write (promoted replica). Never touches the original
     * sources (FO-6). The promoted volumes are not presented (see {@link #present}).
     * Idempotent: an already promoted replica answers its promotion with {@code changed = false}
     * (FO-3). Per item: UNKNOWN_KEY / UNKNOWN_GROUP, NO_REPLICA, UNKNOWN_RECOVERY_POINT, WRONG_STATE.
     */
    Map<ReplicaRequest, Outcome<Promotion>> promote(String arrayId, List<ReplicaRequest> replicas)
            throws DriverException;

    // ---------------------------------------------------------------- reverse and restore

    /**
     * Prepares reversing replication at the site opposite to where {@link #reverseReplication} runs
     * (ExecutionModel): at the desired target the old sources (ids = original source ids) are made
     * ready to become replicas; at the desired source the promoted volumes (ids = promoted ids). The
     * adapter has already removed host access of the desired target's volumes. Non-disruptive,
     * idempotent. Only called when the driver's {@link ExecutionModel#prepareReverseReplication()}.
     */
    default Map<ObjectRef, Outcome<Change>> prepareReverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        throw DriverException.unsupported("prepareReverseReplication");
    }

    /**
     * Reverses replication (REV-1): promoted replicas become sources replicating back to the original
     * sources, which become replicas, transferring only changes made since failover (REV-2),
     * non-disruptively (REV-3), keeping a usable copy at the destination until the next sync
     * completes (REV-4). At the desired source the ids are the promoted ids, at the desired target the
     * original source ids (REV-6). Settings are applied when valid; otherwise the reversal still
     * succeeds with {@link ReplicationChange#settingsProblem()} (REV-7). Idempotent: already reversed
     * answers {@code changed = false} (REV-5). Per item: UNKNOWN_*, WRONG_STATE (e.g. not failed over).
     */
    Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException;

    /**
     * Prepares restoring replication at the site opposite to where {@link #restoreReplication} runs.
     * The adapter has already removed host access of the promoted volumes when this is the recovery
     * site. Idempotent. Only called when the driver's {@link ExecutionModel#prepareRestoreReplication()}.
     */
    default Map<ObjectRef, Outcome<Change>> prepareRestoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException {
        throw DriverException.unsupported("prepareRestoreReplication");
    }

    /**
     * Restores replication from the original sources to the original replicas (RES-1): every change
     * made to the promoted replicas is discarded, the replicas become read-only replicas again, the
     * sources become writable again (reverted to their pre-failover snapshot if the array swapped
     * roles, RES-2), and a usable copy stays at the destination until the next sync completes
     * (RES-3). Ids: at the desired source the original source ids, at the desired target the
     * promoted ids (RES-5). Invalid settings: success with {@link ReplicationChange#settingsProblem()}
     * (RES-6). Idempotent: already restored answers {@code changed = false} (RES-4).
     */
    Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String arrayId, List<SettingsRequest> requests)
            throws DriverException;

    /** Ends the session; must not throw. */
    @Override
    void close();
}
