package org.opensra.array.security;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential back-off of failed logins per client address: the n-th failure in a row is answered
 * after {@code min(BASE << (n-1), MAX)}; until then, a login from that address that is not already
 * known good is refused without hashing its password (and counts as one more failure). An address
 * has at most one password check at a time: a login arriving during it waits for it (at most
 * {@link #CHECK_WAIT_MS}) and is then checked in turn, so that two good logins at once from one host (SRM
 * runs plans in parallel, each SRA command logging in anew) are never refused. An address
 * is forgotten after {@link #FORGET_MS} without failures. A failure costs the client, not the daemon:
 * the caller answers later from a timer, not from a sleeping worker thread.
 */
public final class LoginThrottle {
    public static final long BASE_MS = 250;
    public static final long MAX_MS = 10_000;
    static final long FORGET_MS = 5 * 60_000;
    /** Addresses remembered at most; beyond, the ones quiet longest are dropped first. */
    static final int MAX_ADDRESSES = 10_000;
    /** How long a login waits for the check of another login from its address before it is refused. */
    static final long CHECK_WAIT_MS = 5_000;

    private static final class State {
        int failures;
        long until;
        long lastFailure;
        boolean checking;
    }

    private final Map<InetAddress, State> clients = new ConcurrentHashMap<>();
    private final long baseMs;
    private final long maxMs;

    public LoginThrottle() {
        this(BASE_MS, MAX_MS);
    }

    /** With another first delay and cap (tests). */
    public LoginThrottle(long baseMs, long maxMs) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
    }

    /**
     * Starts the one password check an address may have at a time, after the one running ends: false while
     * the address is in back-off, or when the running check outlasts {@link #CHECK_WAIT_MS} (the login is then
     * refused without a check). {@link #endCheck} follows a true.
     */
    public boolean beginCheck(InetAddress client, long nowMs) {
        State s = clients.computeIfAbsent(client, k -> new State());
        synchronized (s) {
            long now = nowMs;
            long giveUp = nowMs + CHECK_WAIT_MS;
            while (s.checking && now >= s.until && now < giveUp) {
                try {
                    s.wait(giveUp - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                now = System.currentTimeMillis();
            }
            if (now < s.until || s.checking) {
                return false;
            }
            s.checking = true;
            return true;
        }
    }

    /**
     * Ends the check {@link #beginCheck} started. A failed one is recorded ({@link #failed}) before the next
     * login of the address may start its check; returns when (epoch ms) to answer it, or -1 when it succeeded.
     */
    public long endCheck(InetAddress client, boolean succeeded, long nowMs) {
        State s = clients.computeIfAbsent(client, k -> new State());
        synchronized (s) {
            s.checking = false;
            long answerAt = succeeded ? -1 : failedLocked(s, nowMs);
            s.notifyAll();
            return answerAt;
        }
    }

    /** Records a failed login; returns when (epoch ms) to answer it. */
    public long failed(InetAddress client, long nowMs) {
        if (clients.size() >= MAX_ADDRESSES) {
            forgetQuiet(nowMs);
        }
        State s = clients.computeIfAbsent(client, k -> new State());
        synchronized (s) {
            return failedLocked(s, nowMs);
        }
    }

    private long failedLocked(State s, long nowMs) {
        if (nowMs - s.lastFailure > FORGET_MS) {
            s.failures = 0;
        }
        s.failures = Math.min(s.failures + 1, 32);
        s.lastFailure = nowMs;
        long delay = Math.min(maxMs, baseMs << Math.min(s.failures - 1, 20));
        s.until = Math.max(s.until, nowMs + delay);
        return s.until;
    }

    private void forgetQuiet(long nowMs) {
        long horizon = FORGET_MS;
        while (clients.size() >= MAX_ADDRESSES && horizon > 0) {
            for (Iterator<Map.Entry<InetAddress, State>> it = clients.entrySet().iterator(); it.hasNext(); ) {
                State s = it.next().getValue();
                synchronized (s) {
                    if (nowMs - s.lastFailure > horizon && nowMs >= s.until && !s.checking) {
                        it.remove();
                    }
                }
            }
            horizon /= 2;
        }
    }
}
