package org.opensra.array.repl;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets for the transfer port. A peer asks for one over the authenticated management API
 * and presents it as the first bytes of its data connection: the port itself has no other login, and a
 * ticket works once, within {@link #TTL_NANOS}. Tickets are secrets: never logged.
 */
public final class TransferTickets {
    public static final int LENGTH = 32;
    static final long TTL_NANOS = 30_000_000_000L;

    private final SecureRandom random = new SecureRandom();
    /** Ticket (hex) to the System.nanoTime() it expires at. */
    private final Map<String, Long> open = new ConcurrentHashMap<>();

    /** A new ticket, as hex. */
    public String issue() {
        long now = System.nanoTime();
        for (Iterator<Long> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next() - now < 0) {
                it.remove();
            }
        }
        byte[] t = new byte[LENGTH];
        random.nextBytes(t);
        String hex = HexFormat.of().formatHex(t);
        open.put(hex, now + TTL_NANOS);
        return hex;
    }

    /** True once for a ticket issued here and not yet expired; it is used up either way. */
    public boolean redeem(byte[] ticket) {
        if (ticket.length != LENGTH) {
            return false;
        }
        String hex = HexFormat.of().formatHex(ticket);
        Long expires = open.remove(hex);
        return expires != null && expires - System.nanoTime() > 0;
    }
}
