package org.opensra.adapter.workflow;

import java.util.Objects;
import org.opensra.adapter.log.SraLog;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.DriverDescription;

/**
 * What a workflow works with: an open driver session, what the driver declares, the log, the
 * device-name filter of the request's connection, progress, and the management address (named in
 * errors about the whole array; never a credential).
 */
public record WorkflowContext(ArrayDriver driver, DriverDescription description, SraLog log, DeviceFilter filter,
                              ProgressReporter progress, String managementAddress) {
    public WorkflowContext {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(managementAddress, "managementAddress");
    }
}
