package org.opensra.emulator.check;

/** Outcome of a requirement in a run. */
public enum Status {
    PASSED, FAILED, NOT_RUN, NOT_CHECKED
}
