package org.opensra.adapter.workflow;

/** The value of an item whose result is a plain {@code <Success/>}. */
public enum Done {
    DONE
}
