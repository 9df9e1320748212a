package org.opensra.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a driver is and can do, known without contacting an array. The adapter turns it into the
 * queryCapabilities and queryConnectionParameters responses.
 *
 * @param models array models the driver supports (ArrayModels)
 * @param replicationSoftware replication software name and version (ReplicationSoftwares)
 * @param connections connection parameter groups (queryConnectionParameters)
 * @param features optional abilities
 * @param identification how devices are identified to hosts
 * @param protocols storage protocols (at least one)
 * @param executionModel where replication commands run
 * @param customProperties device properties reported by queryDeviceDetails (CAP-6), when
 *     {@link Feature#DEVICE_DETAILS} is declared
 * @param vmSnapshotNamePattern VmImageConsistency's SnapshotNamePattern, when supported
 */
public record DriverDescription(
        List<ArrayModel> models,
        List<Software> replicationSoftware,
        List<ConnectionSpec> connections,
        Set<Feature> features,
        DeviceIdentification identification,
        Set<Protocol> protocols,
        ExecutionModel executionModel,
        List<CustomPropertySpec> customProperties,
        Optional<String> vmSnapshotNamePattern) {

    public DriverDescription {
        models = List.copyOf(models);
        replicationSoftware = List.copyOf(replicationSoftware);
        connections = List.copyOf(connections);
        features = Set.copyOf(features);
        protocols = Set.copyOf(protocols);
        customProperties = List.copyOf(customProperties);
        if (models.isEmpty() || replicationSoftware.isEmpty() || connections.isEmpty() || protocols.isEmpty()) {
            throw new IllegalArgumentException("models, replication software, connections and protocols are required");
        }
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public record ArrayModel(String name, LocalizedText vendor) {
    }

    public record Software(String name, String version) {
    }

    public record CustomPropertySpec(String name, LocalizedText label) {
    }
}
