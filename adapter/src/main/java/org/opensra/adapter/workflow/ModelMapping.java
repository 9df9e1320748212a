package org.opensra.adapter.workflow;

import java.util.List;
import java.util.Optional;
import org.opensra.protocol.model.Identity;
import org.opensra.protocol.model.Initiator;
import org.opensra.protocol.model.InitiatorGroup;
import org.opensra.protocol.model.Lun;
import org.opensra.protocol.model.PortType;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.StoragePort;
import org.opensra.spi.InitiatorType;
import org.opensra.spi.Protocol;

/** Converts the driver's values to the protocol model and back. */
final class ModelMapping {
    private ModelMapping() {
    }

    static Identity identity(org.opensra.spi.Identity identity) {
        if (identity instanceof org.opensra.spi.Identity.Wwn wwn) {
            return new Identity.Wwn(wwn.wwn());
        }
        if (identity instanceof org.opensra.spi.Identity.Luns luns) {
            return new Identity.Luns(luns.luns().stream()
                    .map(l -> new Lun(l.number(), l.initiatorGroupId(), l.target())).toList());
        }
        if (identity instanceof org.opensra.spi.Identity.NfsName nfs) {
            return new Identity.NfsName(nfs.path());
        }
        return new Identity.DatastoreMoId(((org.opensra.spi.Identity.DatastoreMoId) identity).moId());
    }

    static Optional<Identity> identity(Optional<org.opensra.spi.Identity> identity) {
        return identity.map(ModelMapping::identity);
    }

    static RecoveryPoint recoveryPoint(org.opensra.spi.RecoveryPoint point) {
        return RecoveryPoint.of(point.id(), point.name(), point.time(), point.vmImageConsistent());
    }

    static StoragePort storagePort(org.opensra.spi.StoragePort port) {
        PortType type = switch (port.type()) {
            case FC -> PortType.FC;
            case ISCSI -> PortType.ISCSI;
            case NFS -> PortType.NFS;
            case DATASTORE -> PortType.HOST;
        };
        return new StoragePort(port.id(), type);
    }

    static InitiatorGroup initiatorGroup(org.opensra.spi.InitiatorGroup group) {
        return new InitiatorGroup(group.id(), group.initiators().stream().map(ModelMapping::initiator).toList());
    }

    static Initiator initiator(org.opensra.spi.Initiator initiator) {
        PortType type = switch (initiator.type()) {
            case FC -> PortType.FC;
            case ISCSI -> PortType.ISCSI;
            case NFS -> PortType.NFS;
            case HOST -> PortType.HOST;
        };
        return new Initiator(type, initiator.id(), initiator.chapName());
    }

    static org.opensra.spi.Initiator initiator(Initiator initiator) {
        InitiatorType type = switch (initiator.type()) {
            case FC -> InitiatorType.FC;
            case ISCSI -> InitiatorType.ISCSI;
            case NFS -> InitiatorType.NFS;
            case HOST -> InitiatorType.HOST;
        };
        return new org.opensra.spi.Initiator(type, initiator.id(), initiator.chapName());
    }

    static List<org.opensra.spi.Initiator> initiators(List<Initiator> initiators) {
        return initiators.stream().map(ModelMapping::initiator).toList();
    }

    /** The storage protocol a port type belongs to (Host has none: Datastore). */
    static Protocol protocol(PortType type) {
        return switch (type) {
            case FC -> Protocol.FC;
            case ISCSI -> Protocol.ISCSI;
            case NFS -> Protocol.NFS;
            case HOST -> Protocol.DATASTORE;
        };
    }
}
