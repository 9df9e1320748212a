package org.opensra.emulator.check;

/**
 * Outcome of a requirement in a run. PASSED only for a check a wrong-SRA test proves (see {@link Proofs});
 * a check that held but has no such proof is UNVERIFIED. NOT_OBSERVABLE: no black-box run can see it (the
 * report gives the reason). NOT_RUN: could not run here (reason given). NOT_CHECKED: the emulator has no check.
 */
public enum Status {
    PASSED, FAILED, UNVERIFIED, NOT_OBSERVABLE, NOT_RUN, NOT_CHECKED
}
