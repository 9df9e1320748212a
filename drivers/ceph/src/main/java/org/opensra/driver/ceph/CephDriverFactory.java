package org.opensra.driver.ceph;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.opensra.spi.tls.TlsTrust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.spi.ArrayDriver;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Deadline;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverError;
import org.opensra.spi.DriverException;

/** The driver for Ceph RBD snapshot mirroring ({@code driver=ceph} in sra/conf/opensra.properties). */
public final class CephDriverFactory implements ArrayDriverFactory {
    public static final String NAME = "ceph";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverDescription description() {
        return CephDescription.of();
    }

    @Override
    public ArrayDriver open(ConnectionValues connection) throws DriverException {
        return open(connection, Deadline.none());
    }

    @Override
    public ArrayDriver open(ConnectionValues connection, Deadline deadline) throws DriverException {
        String address = connection.addresses().get(CephDescription.ADDRESS_ID);
        if (address == null && !connection.addresses().isEmpty()) {
            address = connection.addresses().values().iterator().next();
        }
        String shown = address == null ? "(none)" : address;
        String base;
        TlsTrust trust;
        try {
            base = DashboardClient.baseUrl(address == null ? "" : address);
            // the embedded driver's certificate rules: the pinned certificate, else the system trust store
            trust = TlsTrust.of(connection.opaque(CephDescription.FINGERPRINT_ID).orElse(null), null);
        } catch (IllegalArgumentException e) {
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shown),
                    "bad connection parameter: " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            throw new DriverException(DriverError.ARRAY_UNREACHABLE, Map.of("Address", shown),
                    "cannot set up TLS for the dashboard at " + shown + ": " + e.getMessage());
        }
        DashboardClient client = new DashboardClient(base, shown, trust, deadline,
                connection.username().orElse(""), connection.password().orElse(""));
        return new CephDriver(new Site(client, pools(connection.opaque(CephDescription.POOLS_ID))),
                new DirectAccessGateway());
    }

    static List<String> pools(Optional<String> text) {
        List<String> pools = new ArrayList<>();
        if (text.isPresent()) {
            for (String p : text.get().split(",")) {
                if (!p.strip().isEmpty()) {
                    pools.add(p.strip());
                }
            }
        }
        if (pools.isEmpty()) {
            pools.add("rbd");
        }
        return pools;
    }
}
