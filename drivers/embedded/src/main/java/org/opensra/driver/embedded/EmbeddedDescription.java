package org.opensra.driver.embedded;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.ConnectionSpec.Parameter;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.DriverDescription.ArrayModel;
import org.opensra.spi.DriverDescription.CustomPropertySpec;
import org.opensra.spi.DriverDescription.Software;
import org.opensra.spi.ExecutionLocation;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;
import org.opensra.spi.LocalizedText;

/**
 * What the embedded driver is and can do (docs/ARCHITECTURE.md, "The embedded array's connection
 * parameters"). The stringIds are those the adapter ships translations for
 * (adapter/src/main/resources/opensra/strings_*.properties).
 */
public final class EmbeddedDescription {
    public static final String CONNECTION_ID = "array";
    public static final String ADDRESS_ID = "managementAddress";
    public static final String PREFIX_ID = "deviceNamePrefix";
    /** Opaque: SHA-256 fingerprint the array's TLS certificate is pinned to (optional). */
    public static final String FINGERPRINT_ID = "tlsFingerprint";
    public static final String MODEL = "OpenSRA Embedded Array";
    public static final LocalizedText VENDOR = LocalizedText.of("EmbeddedArrayVendor", "OpenSRA project");
    public static final String SOFTWARE = "OpenSRA Replication";

    /** Custom property names of queryDeviceDetails (DET-1). */
    public static final String CAPACITY = "capacityBytes";
    public static final String WWN = "wwn";
    public static final String MODE = "replicationMode";
    public static final String RPO = "rpoSeconds";
    public static final String LAST_SYNC = "lastSync";
    public static final String KEEP = "recoveryPointsKept";

    private EmbeddedDescription() {
    }

    public static DriverDescription of(IdentityForm identity) {
        ConnectionSpec connection = new ConnectionSpec(CONNECTION_ID,
                text("EmbeddedArrayConnectionTitle", "OpenSRA embedded array"),
                text("EmbeddedArrayConnectionHint",
                        "Connection to the management API of an OpenSRA embedded array (sra-array serve)."),
                List.of(new Parameter(ADDRESS_ID, text("EmbeddedArrayAddressTitle", "Management address"),
                        text("EmbeddedArrayAddressHint", "host:port of the array's management API (TLS), for "
                                + "example array-a.example:8443; https://host:port is accepted too. http://host:port "
                                + "only for an array run with --insecure."), false)),
                new Parameter(null, text("EmbeddedArrayUsernameTitle", "User name"),
                        text("EmbeddedArrayUsernameHint", "User of the array's management API."), false),
                new Parameter(null, text("EmbeddedArrayPasswordTitle", "Password"),
                        text("EmbeddedArrayPasswordHint", "Password of the management API user."), false),
                List.of(new Parameter(PREFIX_ID, text("EmbeddedArrayPrefixTitle", "Device name prefix"),
                        text("EmbeddedArrayPrefixHint", "SRM only uses devices whose name starts with this "
                                + "prefix. Leave empty to use every replicated device."), true),
                        new Parameter(FINGERPRINT_ID, text("EmbeddedArrayFingerprintTitle", "TLS fingerprint"),
                        text("EmbeddedArrayFingerprintHint", "SHA-256 fingerprint of the array's TLS certificate, as "
                                + "sra-array serve prints it. Leave empty to trust certificate authorities (system or "
                                + "embedded.caFile)."), true)));
        Set<Feature> features = EnumSet.of(Feature.CONSISTENCY_GROUPS, Feature.DYNAMIC_ACCESS_RESTRICTION,
                Feature.RECOVERY_POINTS, Feature.DEVICE_DETAILS, Feature.REPLICATION_SETTINGS, Feature.SYNC,
                Feature.CHECKS);
        List<CustomPropertySpec> properties = List.of(
                new CustomPropertySpec(CAPACITY, text("EmbeddedPropertyCapacity", "Capacity (bytes)")),
                new CustomPropertySpec(WWN, text("EmbeddedPropertyWwn", "WWN")),
                new CustomPropertySpec(MODE, text("EmbeddedPropertyReplicationMode", "Replication mode")),
                new CustomPropertySpec(RPO, text("EmbeddedPropertyRpo", "Replication interval (seconds)")),
                new CustomPropertySpec(LAST_SYNC, text("EmbeddedPropertyLastSync", "Last completed replication")),
                new CustomPropertySpec(KEEP, text("EmbeddedPropertyRecoveryPoints", "Recovery points kept")));
        // Sync, reverse and restore run at the (desired) source; the array forwards what needs the peer.
        ExecutionModel execution = new ExecutionModel(ExecutionLocation.SOURCE, ExecutionLocation.SOURCE, true,
                ExecutionLocation.SOURCE, true);
        return new DriverDescription(
                List.of(new ArrayModel(MODEL, VENDOR)),
                List.of(new Software(SOFTWARE, version())),
                List.of(connection), features, identity.identification(), identity.protocols(), execution,
                properties, Optional.empty());
    }

    private static LocalizedText text(String id, String english) {
        return LocalizedText.of(id, english);
    }

    private static String version() {
        String v = EmbeddedDescription.class.getPackage().getImplementationVersion();
        return v == null ? "1.0" : v;
    }
}
