package org.opensra.array.cli;

import org.opensra.array.daemon.ArrayDaemon;
import org.opensra.array.daemon.DaemonConfig;
import org.opensra.array.core.SpaceReclamation;
import org.opensra.array.daemon.TlsOptions;
import org.opensra.array.security.OwnerOnlyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Run one array daemon in the foreground (until SIGTERM).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--array-id", required = true, description = "array id, [a-z0-9-]+")
    String arrayId;

    @Option(names = "--name", description = "display name (default: the id)")
    String name;

    @Option(names = "--data", required = true, description = "data folder (created if missing)")
    Path data;

    @Option(names = "--listen", required = true, description = "management listen address host:port (port 0: any free)")
    String listen;

    @Option(names = "--user", required = true, description = "management API user")
    String user;

    @Option(names = "--password-file", required = true, description = "file holding the API password (first line)")
    Path passwordFile;

    @Option(names = "--one-lun-per-iscsi-target", description = "one iSCSI target per LUN")
    boolean oneLunPerTarget;

    @Option(names = "--transfer-port", defaultValue = "0",
        description = "port on the listen host that receives replication data from peers (default 0: any free)")
    int transferPort;

    @Option(names = "--iscsi-listen",
        description = "iSCSI portal address host:port (default: the listen host, any free port)")
    String iscsiListen;

    @Option(names = "--ready-file",
        description = "file written (atomically) once the daemon listens: its pid, address and transfer port as JSON")
    Path readyFile;

    @Option(names = "--insecure",
        description = "development only: plain HTTP and plain TCP on every listener, no TLS")
    boolean insecure;

    @Option(names = "--tls-cert", description = "PEM certificate (leaf first, then its chain) instead of the"
        + " daemon's own self-signed one (made in DATA/tls on the first start)")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PKCS#8 PEM private key of --tls-cert (mode 0600: a key others may read is refused)")
    Path tlsKey;

    @Option(names = "--iscsi-write-cache", description = "iSCSI LUNs report a volatile write cache (WCE=1): a WRITE"
        + " without FUA is acknowledged before it is durable (up to 2 s of writes lost to a crash unless the initiator"
        + " sends SYNCHRONIZE CACHE; ESXi does not). Default: every WRITE is durable before its status")
    boolean iscsiWriteCache;

    @Option(names = "--compaction-mb-s", defaultValue = "128",
        description = "rate of the background compaction that gives unreferenced space back (MB/s, 0: unthrottled; default ${DEFAULT-VALUE})")
    long compactionMbPerSecond;

    @Option(names = "--compaction-interval-s", defaultValue = "60",
        description = "how often the background compaction looks for reclaimable space (seconds, 0: only on request; default ${DEFAULT-VALUE})")
    long compactionIntervalSeconds;

    @Override
    public Integer call() throws Exception {
        TlsOptions tls;
        try {
            tls = insecure ? null : new TlsOptions(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (insecure && tlsCert != null) {
            throw new CliException("--insecure and --tls-cert exclude each other");
        }
        char[] password;
        try {
            password = OwnerOnlyFiles.readPassword(passwordFile);
        } catch (java.io.IOException e) {
            throw new CliException("cannot read password file " + passwordFile + ": " + e.getMessage());
        }
        DaemonConfig cfg;
        try {
            cfg = new DaemonConfig(arrayId, name, data, DaemonConfig.parseAddress(listen), user, password, oneLunPerTarget,
                transferPort, iscsiListen == null ? null : DaemonConfig.parseAddress(iscsiListen), iscsiWriteCache);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        ArrayDaemon daemon;
        try {
            daemon = ArrayDaemon.start(cfg, tls, compactionPolicy());
        } catch (java.io.IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("TLS")) {
                throw new CliException(e.getMessage());
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            if (readyFile != null) {
                try {
                    java.nio.file.Files.deleteIfExists(readyFile);
                } catch (java.io.IOException e) {
                    // a stale ready file names a dead pid; readers check the pid
                }
            }
            stopped.countDown();
        }, "shutdown"));
        if (readyFile != null) {
            OwnerOnlyFiles.writeString(readyFile, org.opensra.array.Json.MAPPER.writeValueAsString(org.opensra.array.Json.obj(
                "pid", ProcessHandle.current().pid(), "address", daemon.addressString(),
                "transferPort", daemon.transferPort(), "iscsiPort", daemon.iscsiPort(), "scheme", daemon.scheme(),
                "tlsFingerprint", daemon.tlsFingerprint())) + "\n");
        }
        System.out.println("sra-array " + arrayId + " listening on " + daemon.scheme() + "://" + daemon.addressString()
            + " (replication data on port " + daemon.transferPort() + ", iSCSI on port " + daemon.iscsiPort() + ")");
        System.out.println(daemon.tlsFingerprint() == null
            ? "WARNING: --insecure: passwords, tickets and volume data cross the network in clear text"
            : "TLS certificate SHA-256 fingerprint: SHA256:" + daemon.tlsFingerprint());
        System.out.println("Java runtime: " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private SpaceReclamation.Policy compactionPolicy() {
        try {
            SpaceReclamation.Policy d = SpaceReclamation.Policy.DEFAULT;
            return new SpaceReclamation.Policy(compactionMbPerSecond << 20, compactionIntervalSeconds, d.minBytes(), d.minFraction());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
