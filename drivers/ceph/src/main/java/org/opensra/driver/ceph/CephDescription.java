package org.opensra.driver.ceph;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.ConnectionSpec.Parameter;
import org.opensra.spi.DeviceIdentification;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverDescription.ArrayModel;
import org.opensra.spi.DriverDescription.Software;
import org.opensra.spi.ExecutionLocation;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;
import org.opensra.spi.LocalizedText;
import org.opensra.spi.Protocol;

/**
 * What the ceph driver is and can do. Declared: SYNC (user + mirror snapshot, status from the
 * snapshots). Not declared, so the adapter answers them as unsupported: CONSISTENCY_GROUPS (Pacific
 * mirrors no groups), RECOVERY_POINTS (only the latest replicated data), DEVICE_DETAILS,
 * REPLICATION_SETTINGS, DYNAMIC_ACCESS_RESTRICTION (no SCSI gateway yet), CHECKS,
 * MULTI_ARRAY_DISCOVERY.
 */
final class CephDescription {
    static final String CONNECTION_ID = "ceph";
    static final String ADDRESS_ID = "managerAddress";
    static final String POOLS_ID = "pools";
    static final String FINGERPRINT_ID = "certificateFingerprint";
    static final String PREFIX_ID = "deviceNamePrefix";
    static final String MODEL = "Ceph RBD";
    static final String SOFTWARE = "Ceph RBD snapshot mirroring";

    private CephDescription() {
    }

    static DriverDescription of() {
        ConnectionSpec connection = new ConnectionSpec(CONNECTION_ID,
                text("Ceph cluster (manager dashboard REST API)"),
                text("Connection to the REST API of the Ceph manager's dashboard module of one cluster."),
                List.of(new Parameter(ADDRESS_ID, text("Manager address"),
                        text("host:port of the active manager's dashboard, for example 10.0.0.5:8443 "
                                + "(HTTPS; https://host:port is accepted too)."), false)),
                new Parameter(null, text("User name"), text("Dashboard user with the block-manager role."), false),
                new Parameter(null, text("Password"), text("Password of the dashboard user."), false),
                List.of(new Parameter(POOLS_ID, text("Pools"),
                                text("Comma-separated RBD pools whose mirrored images SRM uses (default: rbd)."), true),
                        new Parameter(FINGERPRINT_ID, text("Certificate fingerprint"),
                                text("SHA-256 fingerprint of the dashboard's certificate, 64 hex digits (colons "
                                        + "allowed). When set, exactly this certificate is trusted; when empty, the "
                                        + "system trust store is used."), true),
                        new Parameter(PREFIX_ID, text("Device name prefix"),
                                text("SRM only uses images whose name starts with this prefix. Leave empty to use "
                                        + "every mirrored image."), true)));
        Set<Feature> features = EnumSet.of(Feature.SYNC);
        // sync, reverse and restore run at the (desired) source, where snapshots can be taken
        ExecutionModel execution = new ExecutionModel(ExecutionLocation.SOURCE, ExecutionLocation.SOURCE, true,
                ExecutionLocation.SOURCE, true);
        return new DriverDescription(List.of(new ArrayModel(MODEL, text("Ceph"))),
                List.of(new Software(SOFTWARE, "16.2")), List.of(connection), features, DeviceIdentification.WWN,
                EnumSet.of(Protocol.ISCSI), execution, List.of(), Optional.empty());
    }

    private static LocalizedText text(String english) {
        return LocalizedText.of(null, english);
    }
}
