package org.opensra.array.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What one array daemon needs: its id, data folder, listen address, its API user, the port on the
 * listen host that receives replication data from peers (0: any free one), and the iSCSI portal's
 * address (null: the listen host, any free port).
 */
public record DaemonConfig(String arrayId, String name, Path dataDir, InetSocketAddress listen, String user,
                           char[] password, boolean oneLunPerIscsiTarget, int transferPort, InetSocketAddress iscsiListen,
                           boolean iscsiWriteCache) {
    public DaemonConfig(String arrayId, String name, Path dataDir, InetSocketAddress listen, String user,
                        char[] password, boolean oneLunPerIscsiTarget, int transferPort) {
        this(arrayId, name, dataDir, listen, user, password, oneLunPerIscsiTarget, transferPort, null);
    }

    public DaemonConfig(String arrayId, String name, Path dataDir, InetSocketAddress listen, String user,
                        char[] password, boolean oneLunPerIscsiTarget, int transferPort, InetSocketAddress iscsiListen) {
        this(arrayId, name, dataDir, listen, user, password, oneLunPerIscsiTarget, transferPort, iscsiListen, false);
    }

    public DaemonConfig {
        if (arrayId == null || !arrayId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("array id must match [a-z0-9][a-z0-9-]*: " + arrayId);
        }
        if (transferPort < 0 || transferPort > 65535) {
            throw new IllegalArgumentException("transfer port must be 0..65535: " + transferPort);
        }
    }

    public static InetSocketAddress parseAddress(String hostPort) {
        String s = hostPort.startsWith("http://") ? hostPort.substring(7) : hostPort;
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int i = s.lastIndexOf(':');
        if (i <= 0) {
            throw new IllegalArgumentException("address must be host:port: " + hostPort);
        }
        try {
            return new InetSocketAddress(s.substring(0, i), Integer.parseInt(s.substring(i + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be host:port: " + hostPort);
        }
    }
}
