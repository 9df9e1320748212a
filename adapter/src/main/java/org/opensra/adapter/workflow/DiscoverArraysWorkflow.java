package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.List;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.model.StorageArray;
import org.opensra.protocol.result.Arrays;
import org.opensra.spi.ArrayInfo;
import org.opensra.spi.DriverException;

/** discoverArrays (DA-1): the local arrays, their model, replication software and peers. */
public final class DiscoverArraysWorkflow {

    public Arrays run(WorkflowContext ctx) throws WorkflowException {
        ctx.log().info("Device-name filter for this command: " + ctx.filter().describe()
                + " (applies to devices, not to arrays)");
        ctx.progress().report(10);
        List<ArrayInfo> arrays;
        try (Step step = ctx.log().step("Discovering the arrays behind " + Names.one(ctx.managementAddress()))) {
            try {
                arrays = ctx.driver().arrays();
            } catch (DriverException e) {
                step.fail(e.getMessage());
                throw DriverCalls.wholeCommand(ctx, e, ctx.managementAddress());
            }
            List<StorageArray> result = new ArrayList<>();
            for (ArrayInfo array : arrays) {
                if (array.peerArrayIds().isEmpty()) {
                    step.log("Array " + Names.one(array.id()) + " is not reported: it has no replication peer");
                    continue;
                }
                step.log("Array " + Names.one(array.id()) + array.name().map(n -> " (" + n + ")").orElse("")
                        + ", model " + Names.one(array.model().name()) + ", replication software "
                        + array.software().name() + " " + array.software().version() + ", peers "
                        + Names.list(array.peerArrayIds()));
                org.opensra.spi.LocalizedText vendor = array.model().vendor();
                result.add(new StorageArray(array.id(), array.name(),
                        new ArrayModel(array.model().name(), new LocalizedText(vendor.english(),
                                java.util.Optional.ofNullable(vendor.stringId()))),
                        new ReplicationSoftware(array.software().name(), array.software().version()),
                        array.peerArrayIds()));
            }
            step.complete("Discovered " + result.size() + " replicated array(s)");
            ctx.progress().report(100);
            return new Arrays(result);
        }
    }
}
