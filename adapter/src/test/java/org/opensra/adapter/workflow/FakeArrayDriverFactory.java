package org.opensra.adapter.workflow;

import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Feature;

/**
 * A driver factory named {@value #NAME} on one fresh two-site {@link FakeArrays} fabric (array-a with
 * sources v1, v2, v3 and group cg1; array-b with replicas r1, r2, r3 and group tg1), for tests that run
 * whole requests through SraMain. The connection's managementAddress picks the session's array:
 * {@code fake:array-b} opens array-b, {@value #REFUSED} an array whose every call fails as unreachable,
 * anything else array-a.
 */
public final class FakeArrayDriverFactory implements ArrayDriverFactory {
    public static final String NAME = "fake";
    public static final String REFUSED = "refused";

    private final FakeArrays fabric = Harness.twoSites();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverDescription description() {
        return FakeDriver.description(Feature.CONSISTENCY_GROUPS, Feature.DYNAMIC_ACCESS_RESTRICTION, Feature.SYNC,
                Feature.RECOVERY_POINTS, Feature.REPLICATION_SETTINGS, Feature.DEVICE_DETAILS, Feature.CHECKS);
    }

    @Override
    public ArrayDriver open(ConnectionValues connection) {
        String address = connection.addresses().getOrDefault("managementAddress", "");
        FakeDriver driver = new FakeDriver(fabric, address.equals("fake:array-b") ? "array-b" : "array-a");
        driver.unreachable = address.equals(REFUSED);
        return driver;
    }
}
