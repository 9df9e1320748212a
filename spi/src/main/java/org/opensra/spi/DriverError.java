package org.opensra.spi;

/** The one list of failures a driver reports; the adapter maps each to an SRA error code. */
public enum DriverError {
    /** The management system cannot be reached. Placeholder: Address. */
    ARRAY_UNREACHABLE,
    /** Credentials refused. Placeholder: Address. */
    AUTHENTICATION_FAILED,
    /** Placeholder: ArrayId. */
    UNKNOWN_ARRAY,
    /** Placeholder: DeviceId. */
    UNKNOWN_DEVICE,
    /** Placeholder: Key. */
    UNKNOWN_KEY,
    /** Placeholder: GroupId. */
    UNKNOWN_GROUP,
    /** The object is not in a state that allows the operation. Placeholders: Object, State. */
    WRONG_STATE,
    /** The array refused or failed the operation. Placeholders: Object, Reason. */
    OPERATION_FAILED
}
