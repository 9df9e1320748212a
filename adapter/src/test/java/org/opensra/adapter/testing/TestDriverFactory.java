package org.opensra.adapter.testing;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.DriverDescription;

/**
 * A test-only driver named {@code test}, registered in test resources' META-INF/services. It records
 * the connection values it is opened with (CONN-2); its sessions support nothing but close.
 */
public class TestDriverFactory implements ArrayDriverFactory {
    public static final String NAME = "test";
    private static final List<ConnectionValues> OPENED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverDescription description() {
        return TestDrivers.embeddedLike();
    }

    @Override
    public ArrayDriver open(ConnectionValues connection) {
        OPENED.add(connection);
        return (ArrayDriver) Proxy.newProxyInstance(ArrayDriver.class.getClassLoader(),
                new Class<?>[] {ArrayDriver.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    public static List<ConnectionValues> opened() {
        return List.copyOf(OPENED);
    }

    public static void reset() {
        OPENED.clear();
    }
}
