package org.opensra.driver.embedded;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensra.spi.DeviceIdentification;
import org.opensra.spi.Protocol;

/**
 * How the driver identifies presented devices to SRM (DD-7), chosen by the driver option
 * {@code embedded.identity} in {@code sra/conf/opensra.properties}.
 */
public enum IdentityForm {
    /** {@code <Wwn>} of each volume (FC, iSCSI). */
    WWN("wwn", DeviceIdentification.WWN, Set.of(Protocol.FC, Protocol.ISCSI)),
    /** {@code <Lun initiatorGroupId=host group>} with StoragePorts and InitiatorGroups (FC, iSCSI). */
    LUN_INITIATOR_GROUP("lun-initiator-group", DeviceIdentification.INITIATOR_NUMBER, Set.of(Protocol.FC, Protocol.ISCSI)),
    /** {@code <Lun target=iSCSI target>} (iSCSI). */
    LUN_TARGET("lun-target", DeviceIdentification.NUMBER_TARGET, Set.of(Protocol.ISCSI)),
    /** {@code <NfsName>} export path with the NAS's StoragePorts (NFS). */
    NFS("nfs", DeviceIdentification.NFS, Set.of(Protocol.NFS));

    private final String option;
    private final DeviceIdentification identification;
    private final Set<Protocol> protocols;

    IdentityForm(String option, DeviceIdentification identification, Set<Protocol> protocols) {
        this.option = option;
        this.identification = identification;
        this.protocols = protocols;
    }

    public String option() {
        return option;
    }

    public DeviceIdentification identification() {
        return identification;
    }

    public Set<Protocol> protocols() {
        return protocols;
    }

    /** The form named by an option value; {@link IllegalArgumentException} listing the valid values. */
    public static IdentityForm fromOption(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (IdentityForm form : values()) {
            if (form.option.equals(wanted)) {
                return form;
            }
        }
        throw new IllegalArgumentException("embedded.identity=" + value.strip() + " is not one of "
                + Arrays.stream(values()).map(IdentityForm::option).collect(Collectors.joining(", ")));
    }
}
