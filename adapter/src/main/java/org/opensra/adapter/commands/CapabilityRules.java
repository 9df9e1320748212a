package org.opensra.adapter.commands;

import static org.opensra.protocol.CommandName.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensra.protocol.CommandName;
import org.opensra.protocol.model.CommandCapability;
import org.opensra.protocol.model.ExecutionLocation;
import org.opensra.protocol.result.AdapterCapabilities;

/**
 * The spec's rules for a queryCapabilities response, as a checker that names each broken rule:
 * mandatory commands (CAP-3), ExecutionLocation only where allowed (CAP-4), consistency (CAP-5),
 * locales of queryStrings (LOC-3) and custom properties of queryDeviceDetails (CAP-6).
 */
public final class CapabilityRules {
    /** CAP-3. */
    public static final Set<CommandName> MANDATORY = Set.of(QUERY_INFO, QUERY_CAPABILITIES,
            QUERY_CONNECTION_PARAMETERS, DISCOVER_ARRAYS, DISCOVER_DEVICES, TEST_FAILOVER_START, TEST_FAILOVER_STOP,
            FAILOVER, REVERSE_REPLICATION, RESTORE_REPLICATION);
    /** CAP-4: the commands whose ExecutionLocation may be declared. */
    public static final Set<CommandName> LOCATED = Set.of(SYNC_ONCE, REVERSE_REPLICATION, RESTORE_REPLICATION);

    private CapabilityRules() {
    }

    /** The broken rules, empty when the response is consistent. */
    public static List<String> violations(AdapterCapabilities capabilities) {
        List<String> problems = new ArrayList<>();
        Map<CommandName, CommandCapability> commands = new EnumMap<>(CommandName.class);
        for (CommandCapability c : capabilities.commands()) {
            if (commands.put(c.name(), c) != null) {
                problems.add("command " + c.name() + " declared twice");
            }
        }
        for (CommandName m : MANDATORY) {
            if (!commands.containsKey(m)) {
                problems.add("CAP-3: mandatory command " + m + " missing");
            }
        }
        for (CommandCapability c : commands.values()) {
            if (c.executionLocation().isPresent() && !LOCATED.contains(c.name())) {
                problems.add("CAP-4: ExecutionLocation on " + c.name());
            }
            if (!c.locales().isEmpty() && c.name() != QUERY_STRINGS) {
                problems.add("Locales on " + c.name());
            }
            if (!c.customProperties().isEmpty() && c.name() != QUERY_DEVICE_DETAILS) {
                problems.add("CustomProperties on " + c.name());
            }
        }
        if (commands.containsKey(SYNC_ONCE) != commands.containsKey(QUERY_SYNC_STATUS)) {
            problems.add("CAP-5: syncOnce and querySyncStatus must be declared together");
        }
        if (commands.containsKey(PREPARE_REVERSE_REPLICATION) && !commands.containsKey(REVERSE_REPLICATION)) {
            problems.add("CAP-5: prepareReverseReplication without reverseReplication");
        }
        if (commands.containsKey(PREPARE_RESTORE_REPLICATION) && !commands.containsKey(RESTORE_REPLICATION)) {
            problems.add("CAP-5: prepareRestoreReplication without restoreReplication");
        }
        CommandCapability restore = commands.get(RESTORE_REPLICATION);
        if (restore != null && restore.executionLocation().orElse(ExecutionLocation.SOURCE) == ExecutionLocation.TARGET
                && !commands.containsKey(PREPARE_RESTORE_REPLICATION)) {
            problems.add("CAP-5: restoreReplication at the target without prepareRestoreReplication");
        }
        CommandCapability strings = commands.get(QUERY_STRINGS);
        if (strings != null && strings.locales().isEmpty()) {
            problems.add("LOC-3: queryStrings without Locales");
        }
        CommandCapability details = commands.get(QUERY_DEVICE_DETAILS);
        if (details != null && details.customProperties().isEmpty()) {
            problems.add("CAP-6: queryDeviceDetails without CustomProperties");
        }
        return problems;
    }
}
