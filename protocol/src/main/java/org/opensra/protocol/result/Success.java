package org.opensra.protocol.result;

/** The {@code <Success/>} value of an item: the item is now in the requested state. */
public enum Success {
    SUCCESS
}
