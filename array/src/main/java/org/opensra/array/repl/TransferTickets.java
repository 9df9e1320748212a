package org.opensra.array.repl;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
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
    /** Ticket (hex) to what it was issued for. */
    private final Map<String, Binding> open = new ConcurrentHashMap<>();

    /** Who asked for a ticket (a peer account), for which pairs, and the System.nanoTime() it expires at. */
    public record Binding(String peerUser, Set<String> pairs, long expires) {
    }

    /** A new ticket, as hex, good for a transfer of these pairs only, asked for by peerUser. */
    public String issue(String peerUser, Set<String> pairs) {
        long now = System.nanoTime();
        for (Iterator<Binding> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().expires() - now < 0) {
                it.remove();
            }
        }
        byte[] t = new byte[LENGTH];
        random.nextBytes(t);
        String hex = HexFormat.of().formatHex(t);
        open.put(hex, new Binding(peerUser, Set.copyOf(pairs), now + TTL_NANOS));
        return hex;
    }

    /** Once for a ticket issued here and not yet expired, what it is good for; else null. Used up either way. */
    public Binding redeem(byte[] ticket) {
        if (ticket.length != LENGTH) {
            return null;
        }
        String hex = HexFormat.of().formatHex(ticket);
        Binding b = open.remove(hex);
        return b != null && b.expires() - System.nanoTime() > 0 ? b : null;
    }
}
