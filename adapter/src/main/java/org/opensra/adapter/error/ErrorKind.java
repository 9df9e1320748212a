package org.opensra.adapter.error;

/** Whether a catalogue entry is reported as an Error or as a Warning (ERR-4). */
public enum ErrorKind {
    ERROR, WARNING
}
