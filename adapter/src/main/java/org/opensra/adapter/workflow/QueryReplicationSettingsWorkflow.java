package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.result.ReplicationSettingsResults;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ObjectRef;

/**
 * queryReplicationSettings (RS-1, RS-2): the settings blob per group and standalone device, in the
 * source or target form of the request, logged; per-item errors.
 */
public final class QueryReplicationSettingsWorkflow {

    public ReplicationSettingsResults run(QueryReplicationSettingsParameters params, WorkflowContext ctx)
            throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.of(params.peerArrayId()));
        ArrayInventory inventory = resolver.inventory();
        boolean targetForm = params.isTargetForm();
        Selection<ReplicationSettings, ReplicationSettings> selection = targetForm
                ? Selection.resolve(params.targetGroups(), params.targetDevices(), resolver, resolver::targetGroup,
                        resolver::targetDevice)
                : Selection.resolve(params.consistencyGroups(), params.sourceDevices(), resolver,
                        resolver::sourceGroup, resolver::sourceDevice);
        ctx.progress().report(30);
        List<Unit> units = selection.pendingUnits();
        if (!units.isEmpty()) {
            try (Step step = ctx.log().step("Reading the replication settings of "
                    + Names.list(units.stream().map(Unit::requested).toList()) + " on array "
                    + Names.one(params.arrayId()))) {
                Map<ObjectRef, ItemResult<org.opensra.spi.ReplicationSettings>> read = Batch.run(
                        units.stream().map(Unit::ref).toList(),
                        refs -> ctx.driver().replicationSettings(params.arrayId(), refs), ObjectRef::id);
                for (Unit unit : units) {
                    ItemResult<org.opensra.spi.ReplicationSettings> settings = read.get(unit.ref());
                    if (settings instanceof ItemResult.Success<org.opensra.spi.ReplicationSettings> ok) {
                        step.log("Replication settings of " + Names.one(unit.requested()) + ": "
                                + Names.properties(ok.value().values()));
                    }
                    Selection.put(selection, unit, settings.map(SettingsCodec::encode));
                }
                step.complete("Replication settings of " + units.size() + " item(s) have been read");
            }
        }
        ctx.progress().report(100);
        var groups = selection.groups.toProtocol();
        var devices = selection.devices.toProtocol();
        return targetForm
                ? new ReplicationSettingsResults(List.of(), List.of(), groups, devices)
                : new ReplicationSettingsResults(groups, devices, List.of(), List.of());
    }
}
