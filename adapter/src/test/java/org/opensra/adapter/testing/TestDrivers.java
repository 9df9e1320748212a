package org.opensra.adapter.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.DeviceIdentification;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;
import org.opensra.spi.LocalizedText;
import org.opensra.spi.Protocol;

/**
 * Driver descriptions for tests. {@link #embeddedLike} declares the embedded array's connection of
 * docs/ARCHITECTURE.md with the stringIds the adapter's bundles translate for the embedded driver.
 */
public final class TestDrivers {

    private TestDrivers() {
    }

    public static ConnectionSpec embeddedConnection() {
        return new ConnectionSpec("array",
                LocalizedText.of("EmbeddedArrayConnectionTitle", "OpenSRA embedded array"),
                LocalizedText.of("EmbeddedArrayConnectionHint",
                        "Connection to the management API of one OpenSRA embedded array (sra-array serve)."),
                List.of(new ConnectionSpec.Parameter("managementAddress",
                        LocalizedText.of("EmbeddedArrayAddressTitle", "Management address"),
                        LocalizedText.of("EmbeddedArrayAddressHint", "host:port of the array's management API, for "
                                + "example 127.0.0.1:8080. An http://host:port URL is accepted too."), false)),
                new ConnectionSpec.Parameter(null, LocalizedText.of("EmbeddedArrayUsernameTitle", "User name"),
                        LocalizedText.of("EmbeddedArrayUsernameHint", "User of the array's management API."), false),
                new ConnectionSpec.Parameter(null, LocalizedText.of("EmbeddedArrayPasswordTitle", "Password"),
                        LocalizedText.of("EmbeddedArrayPasswordHint", "Password of the management API user."), false),
                List.of(new ConnectionSpec.Parameter("deviceNamePrefix",
                        LocalizedText.of("EmbeddedArrayPrefixTitle", "Device name prefix"),
                        LocalizedText.of("EmbeddedArrayPrefixHint", "Only devices whose name starts with this prefix "
                                + "are used by SRM. Leave empty to use every replicated device."), true),
                        new ConnectionSpec.Parameter("tlsFingerprint",
                                LocalizedText.of("EmbeddedArrayFingerprintTitle", "TLS fingerprint"),
                                LocalizedText.of("EmbeddedArrayFingerprintHint", "SHA-256 fingerprint of the array's "
                                        + "TLS certificate."), true)));
    }

    public static List<DriverDescription.CustomPropertySpec> embeddedProperties() {
        return List.of(
                new DriverDescription.CustomPropertySpec("capacity",
                        LocalizedText.of("EmbeddedPropertyCapacity", "Capacity (bytes)")),
                new DriverDescription.CustomPropertySpec("wwn", LocalizedText.of("EmbeddedPropertyWwn", "WWN")),
                new DriverDescription.CustomPropertySpec("replicationMode",
                        LocalizedText.of("EmbeddedPropertyReplicationMode", "Replication mode")),
                new DriverDescription.CustomPropertySpec("rpoSeconds",
                        LocalizedText.of("EmbeddedPropertyRpo", "Replication interval (seconds)")),
                new DriverDescription.CustomPropertySpec("lastSync",
                        LocalizedText.of("EmbeddedPropertyLastSync", "Last completed replication")),
                new DriverDescription.CustomPropertySpec("recoveryPoints",
                        LocalizedText.of("EmbeddedPropertyRecoveryPoints", "Recovery points kept")));
    }

    /** Every feature, the default execution model, the embedded connection and properties. */
    public static DriverDescription embeddedLike() {
        return description(Set.of(Feature.values()), ExecutionModel.defaults());
    }

    public static DriverDescription description(Set<Feature> features, ExecutionModel model) {
        return new DriverDescription(
                List.of(new DriverDescription.ArrayModel("OpenSRA embedded array",
                        LocalizedText.of("EmbeddedArrayVendor", "OpenSRA project"))),
                List.of(new DriverDescription.Software("OpenSRA replication", "1.0")),
                List.of(embeddedConnection()), features, DeviceIdentification.WWN,
                Set.of(Protocol.FC, Protocol.ISCSI), model, embeddedProperties(), Optional.empty());
    }
}
