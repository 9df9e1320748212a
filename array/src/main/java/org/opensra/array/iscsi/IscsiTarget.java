package org.opensra.array.iscsi;

import org.opensra.array.core.VolumeService;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The array's iSCSI target: one portal (portal group 1) serving every target name the array's
 * mappings use (the array's IQN, or one per volume with one LUN per target). Who sees what is read
 * from the presentation tables at each command ({@link LunDirectory}).
 */
public final class IscsiTarget implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IscsiTarget.class.getName());
    private static final int MAX_CONNECTIONS = 256;

    private final String arrayIqn;
    private final ChapSecrets chap;
    private final LunDirectory directory;
    private final Reservations reservations = new Reservations();
    private final ScsiCommandSet scsi;
    private final ServerSocket server;
    private final CopyOnWriteArrayList<IscsiConnection> sessions = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger tsih = new AtomicInteger();
    private volatile boolean closed;
    private Thread acceptor;

    public IscsiTarget(InetSocketAddress listen, String arrayIqn, VolumeService vols, ChapSecrets chap) throws IOException {
        this(listen, arrayIqn, vols, chap, false);
    }

    /** writeCache: see {@link ScsiCommandSet#ScsiCommandSet(VolumeService, Reservations, boolean)}. */
    public IscsiTarget(InetSocketAddress listen, String arrayIqn, VolumeService vols, ChapSecrets chap, boolean writeCache)
            throws IOException {
        this.arrayIqn = arrayIqn;
        this.chap = chap;
        this.directory = new LunDirectory(vols.db());
        this.scsi = new ScsiCommandSet(vols, reservations, writeCache);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen, 64);
    }

    public void start() {
        acceptor = new Thread(this::accept, "iscsi-portal-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "iSCSI portal accept failed", e);
                }
                return;
            }
            if (sockets.size() >= MAX_CONNECTIONS) {
                closeQuietly(s);
                continue;
            }
            try {
                IscsiConnection c = new IscsiConnection(s, this);
                sockets.add(s);
                Thread t = new Thread(() -> {
                    try {
                        c.run();
                    } finally {
                        sockets.remove(s);
                    }
                }, "iscsi-conn-" + s.getRemoteSocketAddress());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                closeQuietly(s);
            }
        }
    }

    // ---------------------------------------------------------------- access

    boolean knowsInitiator(String initiator) {
        return directory.knows(initiator);
    }

    /** Whether the initiator may log in to this target name. */
    boolean allows(String initiator, String targetName) {
        if (targetName.equalsIgnoreCase(arrayIqn)) {
            return true;
        }
        for (String t : directory.targets(initiator)) {
            if (t.equalsIgnoreCase(targetName)) {
                return true;
            }
        }
        return false;
    }

    /** The CHAP credentials the initiator must prove, or null. */
    ChapSecrets.Credentials chapFor(String initiator) {
        return chap.forInitiator(initiator);
    }

    List<String> targetsFor(String initiator) {
        return directory.targets(initiator);
    }

    TreeMap<Integer, LogicalUnit> luns(Nexus nexus) {
        return directory.luns(nexus.initiator(), nexus.target());
    }

    ScsiCommandSet scsi() {
        return scsi;
    }

    int nextTsih() {
        int t = tsih.incrementAndGet() & 0xffff;
        return t == 0 ? nextTsih() : t;
    }

    /** TargetAddress for SendTargets: the address the initiator reached us on. */
    String portalAddress(Socket s) {
        InetAddress a = s.getLocalAddress();
        String host = a.getHostAddress();
        if (a instanceof java.net.Inet6Address) {
            host = "[" + host + "]";
        }
        return host + ":" + port();
    }

    // ---------------------------------------------------------------- sessions

    /** A session entered full feature phase; an older session of the same nexus is reinstated (closed). */
    void opened(IscsiConnection c) {
        Nexus n = c.nexus();
        for (IscsiConnection old : sessions) {
            Nexus o = old.nexus();
            if (o.isid().equals(n.isid()) && o.initiator().toLowerCase(Locale.ROOT).equals(n.initiator().toLowerCase(Locale.ROOT))
                && o.target().equalsIgnoreCase(n.target())) {
                old.close();
            }
        }
        sessions.add(c);
        n.observe(luns(n)); // what it sees at login: a later change raises REPORTED LUNS DATA HAS CHANGED
    }

    /** The session ended (logout or connection loss, ErrorRecoveryLevel 0): its reservations go. */
    void closed(IscsiConnection c) {
        if (sessions.remove(c)) {
            reservations.releaseAll(c.nexus());
        }
    }

    /** LOGICAL UNIT RESET: the volume's reservation is cleared; other nexuses seeing it get a unit attention. */
    void lunReset(Nexus by, LogicalUnit lu) {
        reservations.clear(lu.volumeId());
        for (IscsiConnection c : sessions) {
            Nexus n = c.nexus();
            if (n != by) {
                for (LogicalUnit u : luns(n).values()) {
                    if (u.volumeId().equals(lu.volumeId())) {
                        n.addUnitAttention(Sense.RESET_OCCURRED);
                    }
                }
            }
        }
    }

    /** TARGET WARM/COLD RESET: every reservation is cleared, every other nexus gets a unit attention. */
    void targetReset(Nexus by) {
        reservations.clearAll();
        for (IscsiConnection c : sessions) {
            if (c.nexus() != by) {
                c.nexus().addUnitAttention(Sense.RESET_OCCURRED);
            }
        }
    }

    /** TARGET COLD RESET: every connection is dropped. */
    void coldReset() {
        for (IscsiConnection c : new ArrayList<>(sessions)) {
            c.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        if (acceptor != null) {
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
