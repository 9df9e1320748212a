package org.opensra.adapter.commands;

import static org.opensra.protocol.CommandName.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.l10n.SupportedLocales;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.ArrayModel;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.CustomPropertyDefinition;
import org.opensra.protocol.model.DeviceIdentification;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.Protocol;
import org.opensra.protocol.model.ReplicationSoftware;
import org.opensra.protocol.result.AdapterCapabilities;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.ExecutionModel;
import org.opensra.spi.Feature;

/**
 * Builds queryCapabilities from the registered handlers and the driver's description (CAP-1, CAP-2):
 * a command is declared when it has a handler whose needed Feature the driver has, and the CAP-5
 * consistency rules hold by construction (syncOnce with querySyncStatus or neither; a prepare command
 * only with its main command and only when the driver's execution model uses it). ExecutionLocation is
 * written on syncOnce, reverseReplication and restoreReplication only (CAP-4: the spec's table allows
 * it nowhere else; the prepare commands run at the site opposite their main command).
 */
final class CapabilitiesBuilder {

    private CapabilitiesBuilder() {
    }

    /** The declared command set, in CommandName order; {@code notes} receives why commands were left out. */
    static Set<CommandName> declared(Map<CommandName, CommandHandler> handlers, DriverDescription driver,
                                     List<String> notes) {
        Set<CommandName> commands = EnumSet.noneOf(CommandName.class);
        for (Map.Entry<CommandName, CommandHandler> e : handlers.entrySet()) {
            Optional<Feature> needed = e.getValue().requiredFeature();
            if (needed.isEmpty() || driver.has(needed.get())) {
                commands.add(e.getKey());
            } else {
                notes.add(e.getKey() + " left out: the driver lacks " + needed.get());
            }
        }
        ExecutionModel model = driver.executionModel();
        if (!model.prepareReverseReplication() && commands.remove(PREPARE_REVERSE_REPLICATION)) {
            notes.add("prepareReverseReplication left out: the driver's execution model does not use it");
        }
        if (!model.prepareRestoreReplication() && commands.remove(PREPARE_RESTORE_REPLICATION)) {
            notes.add("prepareRestoreReplication left out: the driver's execution model does not use it");
        }
        if (commands.contains(SYNC_ONCE) != commands.contains(QUERY_SYNC_STATUS)) {
            commands.remove(SYNC_ONCE);
            commands.remove(QUERY_SYNC_STATUS);
            notes.add("syncOnce and querySyncStatus left out: CAP-5 declares both or neither");
        }
        if (!commands.contains(REVERSE_REPLICATION) && commands.remove(PREPARE_REVERSE_REPLICATION)) {
            notes.add("prepareReverseReplication left out: reverseReplication is not declared");
        }
        if (!commands.contains(RESTORE_REPLICATION) && commands.remove(PREPARE_RESTORE_REPLICATION)) {
            notes.add("prepareRestoreReplication left out: restoreReplication is not declared");
        }
        if (commands.contains(QUERY_DEVICE_DETAILS) && driver.customProperties().isEmpty()) {
            commands.remove(QUERY_DEVICE_DETAILS);
            notes.add("queryDeviceDetails left out: the driver declares no custom properties (CAP-6)");
        }
        return commands;
    }

    static AdapterCapabilities build(Set<CommandName> commands, DriverDescription driver) {
        ExecutionModel model = driver.executionModel();
        List<CommandCapability> declared = new ArrayList<>();
        for (CommandName name : commands) {
            switch (name) {
                case QUERY_STRINGS:
                    declared.add(new CommandCapability(name, SupportedLocales.ALL, Optional.empty(), List.of()));
                    break;
                case SYNC_ONCE:
                    declared.add(CommandCapability.at(name, location(model.syncOnce())));
                    break;
                case REVERSE_REPLICATION:
                    declared.add(CommandCapability.at(name, location(model.reverseReplication())));
                    break;
                case RESTORE_REPLICATION:
                    declared.add(CommandCapability.at(name, location(model.restoreReplication())));
                    break;
                case QUERY_DEVICE_DETAILS:
                    declared.add(new CommandCapability(name, List.of(), Optional.empty(), customProperties(driver)));
                    break;
                default:
                    declared.add(CommandCapability.of(name));
            }
        }
        return new AdapterCapabilities(software(driver), models(driver), features(driver), declared);
    }

    private static List<ReplicationSoftware> software(DriverDescription driver) {
        List<ReplicationSoftware> list = new ArrayList<>();
        for (DriverDescription.Software s : driver.replicationSoftware()) {
            list.add(new ReplicationSoftware(s.name(), s.version()));
        }
        return list;
    }

    private static List<ArrayModel> models(DriverDescription driver) {
        List<ArrayModel> list = new ArrayList<>();
        for (DriverDescription.ArrayModel m : driver.models()) {
            list.add(new ArrayModel(m.name(), Texts.wire(m.vendor())));
        }
        return list;
    }

    private static List<CustomPropertyDefinition> customProperties(DriverDescription driver) {
        List<CustomPropertyDefinition> list = new ArrayList<>();
        for (DriverDescription.CustomPropertySpec p : driver.customProperties()) {
            list.add(new CustomPropertyDefinition(p.name(), Texts.wire(p.label())));
        }
        return list;
    }

    static Features features(DriverDescription driver) {
        Optional<DeviceIdentification> identification = driver.identification() == null
                ? Optional.empty() : DeviceIdentification.fromWire(driver.identification().wireName());
        List<Protocol> protocols = new ArrayList<>();
        for (Protocol p : Protocol.values()) {
            for (org.opensra.spi.Protocol declared : driver.protocols()) {
                if (declared.wireName().equals(p.wireName())) {
                    protocols.add(p);
                }
            }
        }
        return new Features(driver.has(Feature.MULTI_ARRAY_DISCOVERY), driver.has(Feature.CONSISTENCY_GROUPS),
                driver.has(Feature.DYNAMIC_ACCESS_RESTRICTION), identification, protocols,
                driver.vmSnapshotNamePattern(), driver.has(Feature.ONE_LUN_PER_ISCSI_TARGET));
    }

    private static ExecutionLocation location(org.opensra.spi.ExecutionLocation location) {
        return location == org.opensra.spi.ExecutionLocation.TARGET ? ExecutionLocation.TARGET : ExecutionLocation.SOURCE;
    }
}
