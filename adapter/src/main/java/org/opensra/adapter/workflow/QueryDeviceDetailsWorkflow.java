package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.model.CustomProperty;
import org.opensra.protocol.params.QueryDeviceDetailsParameters;
import org.opensra.protocol.result.DeviceDetails;
import org.opensra.spi.ArrayInventory;
import org.opensra.spi.ReplicatedVolume;

/** queryDeviceDetails (DET-1, CAP-6): the custom properties of each device, or that device's error. */
public final class QueryDeviceDetailsWorkflow {

    public DeviceDetails run(QueryDeviceDetailsParameters params, WorkflowContext ctx) throws WorkflowException {
        Resolver resolver = Resolver.read(ctx, params.arrayId(), Optional.empty());
        ArrayInventory inventory = resolver.inventory();
        ItemResults<List<CustomProperty>> results = new ItemResults<>(params.devices());
        Map<String, String> volumeIds = new java.util.LinkedHashMap<>();
        for (String id : results.requested()) {
            ItemResult<ReplicatedVolume> found = resolver.deviceForQuery(id);
            if (found instanceof ItemResult.Success<ReplicatedVolume> ok) {
                volumeIds.put(id, ok.value().id());
            } else {
                results.put(id, found.map(v -> List.of()));
            }
        }
        ctx.progress().report(30);
        if (!volumeIds.isEmpty()) {
            try (Step step = ctx.log().step("Reading the details of devices " + Names.list(volumeIds.keySet())
                    + " on array " + Names.one(params.arrayId()))) {
                Map<String, ItemResult<Map<String, String>>> details = Batch.run(List.copyOf(volumeIds.values()),
                        ids -> ctx.driver().deviceDetails(params.arrayId(), ids), id -> id);
                volumeIds.forEach((requested, volumeId) -> {
                    ItemResult<Map<String, String>> d = details.get(volumeId);
                    if (d instanceof ItemResult.Success<Map<String, String>> ok && ok.value().isEmpty()) {
                        results.fail(requested, Errors.operationFailed(requested, "the array reports no properties"));
                        return;
                    }
                    if (d instanceof ItemResult.Success<Map<String, String>> ok) {
                        step.log("Device " + Names.one(requested) + ": " + Names.properties(ok.value()));
                    }
                    results.put(requested, d.map(map -> map.entrySet().stream()
                            .map(e -> new CustomProperty(e.getKey(), e.getValue())).toList()));
                });
                step.complete("Details of " + volumeIds.size() + " device(s) have been read");
            }
        }
        ctx.progress().report(100);
        return new DeviceDetails(results.toProtocol());
    }
}
