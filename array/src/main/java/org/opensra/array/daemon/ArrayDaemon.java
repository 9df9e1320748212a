package org.opensra.array.daemon;

import org.opensra.array.ArrayException;
import org.opensra.array.ErrorCode;
import org.opensra.array.core.SpaceReclamation;
import org.opensra.array.core.VolumeService;
import org.opensra.array.core.WriteBackFlusher;
import org.opensra.array.http.ApiServer;
import org.opensra.array.http.ArrayRoutes;
import org.opensra.array.http.InternalRoutes;
import org.opensra.array.http.PresentationRoutes;
import org.opensra.array.http.ReplicationRoutes;
import org.opensra.array.http.Router;
import org.opensra.array.http.UserRoutes;
import org.opensra.array.http.VolumeRoutes;
import org.opensra.array.http.IscsiRoutes;
import org.opensra.array.iscsi.ChapSecrets;
import org.opensra.array.iscsi.IscsiTarget;
import org.opensra.array.present.Presentation;
import org.opensra.array.repl.PeerRegistry;
import org.opensra.array.repl.ReplicationConfig;
import org.opensra.array.repl.ReplicationQueries;
import org.opensra.array.repl.RoleOperations;
import org.opensra.array.repl.Scheduler;
import org.opensra.array.repl.SyncEngine;
import org.opensra.array.repl.SyncRequests;
import org.opensra.array.repl.TestClones;
import org.opensra.array.repl.TransferPort;
import org.opensra.array.repl.TransferReceiver;
import org.opensra.array.repl.TransferSender;
import org.opensra.array.security.Credentials;
import org.opensra.array.security.LoginThrottle;
import org.opensra.array.security.SecretBox;
import org.opensra.array.security.TlsIdentity;
import org.opensra.array.store.DataLog;
import org.opensra.array.store.Db;
import org.opensra.array.store.Ids;
import org.opensra.array.store.LayerStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.net.ssl.SSLContext;

/** One running array: metadata store, block data, services, HTTP API, sync jobs and RPO schedule. */
public final class ArrayDaemon implements AutoCloseable {
    private final DataFolderLock folderLock;
    private final Db db;
    private final DataLog data;
    private final SyncEngine engine;
    private final Scheduler scheduler;
    private final ApiServer server;
    private final TransferPort transferPort;
    private final Services services;
    private final IscsiTarget iscsi;
    private final WriteBackFlusher writeBack;
    private final TlsIdentity tls;
    private final SpaceReclamation reclamation;

    private ArrayDaemon(DaemonConfig cfg, Path dir, DataFolderLock folderLock, TlsOptions tlsOptions,
                        SpaceReclamation.Policy compaction) throws IOException {
        this.folderLock = folderLock;
        this.tls = tlsOptions == null ? null : tlsOptions.identity(dir, cfg); // before anything is opened: may refuse
        db = new Db(dir.resolve("meta.db"));
        try {
            String stored = db.tx(c -> Db.queryString(c, "SELECT v FROM meta WHERE k = 'arrayId'"));
            if (stored != null && !stored.equals(cfg.arrayId())) {
                throw new ArrayException(ErrorCode.BAD_REQUEST, "data folder " + dir + " belongs to array " + stored
                    + ", not " + cfg.arrayId(), cfg.arrayId());
            }
            db.tx(c -> {
                Db.update(c, "INSERT OR IGNORE INTO meta(k, v) VALUES('arrayId', ?)", cfg.arrayId());
                LayerStore.dropStaging(c);
                return null;
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        data = new DataLog(dir.resolve("blocks.dat"));
        Credentials creds = new Credentials(dir.resolve("credentials.json"));
        if (cfg.password() != null) {
            creds.setUser(cfg.user(), cfg.password());
            Arrays.fill(cfg.password(), '\0');
        }
        SecretBox box = new SecretBox(dir.resolve("secret.key"));
        Ids ids = new Ids(cfg.arrayId());
        VolumeService vols = new VolumeService(db, data, ids);
        reclamation = new SpaceReclamation(vols, compaction);
        writeBack = new WriteBackFlusher(vols);
        PeerRegistry peers = new PeerRegistry(db, box);
        TransferReceiver receiver = new TransferReceiver(vols);
        SSLContext serverTls = tls == null ? null : tls.serverContext();
        transferPort = new TransferPort(new InetSocketAddress(cfg.listen().getAddress(), cfg.transferPort()), receiver,
            serverTls);
        engine = new SyncEngine(db, ids, new TransferSender(vols, peers));
        RoleOperations roles = new RoleOperations(vols, peers, receiver);
        services = new Services(cfg.arrayId(), cfg.name() == null ? cfg.arrayId() : cfg.name(), cfg.oneLunPerIscsiTarget(),
            vols, peers, new ReplicationConfig(vols, peers), new ReplicationQueries(vols, engine, peers),
            new SyncRequests(vols, engine, peers), roles, new TestClones(vols, receiver, roles), receiver, transferPort,
            new Presentation(vols, cfg.oneLunPerIscsiTarget()), reclamation);
        Router router = new Router();
        ArrayRoutes.register(router, services, tls == null ? null : tls.fingerprint());
        VolumeRoutes.register(router, services);
        ReplicationRoutes.register(router, services);
        PresentationRoutes.register(router, services);
        InternalRoutes.register(router, services);
        ChapSecrets chap = new ChapSecrets(db, box);
        IscsiRoutes.register(router, chap);
        UserRoutes.register(router, creds);
        server = new ApiServer(cfg.listen(), router, creds, new LoginThrottle(), serverTls);
        scheduler = new Scheduler(vols, engine);
        iscsi = new IscsiTarget(cfg.iscsiListen() != null ? cfg.iscsiListen()
            : new InetSocketAddress(cfg.listen().getAddress(), 0), services.presentation().iqn(), vols, chap,
            cfg.iscsiWriteCache());
    }

    /** Opens the data folder, starts serving, resumes interrupted sync jobs and the RPO schedule. */
    public static ArrayDaemon start(DaemonConfig cfg) throws IOException {
        return start(cfg, null);
    }

    /** As {@link #start(DaemonConfig)}, every listener with TLS when tls is given (null: plain text). */
    public static ArrayDaemon start(DaemonConfig cfg, TlsOptions tls) throws IOException {
        return start(cfg, tls, SpaceReclamation.Policy.DEFAULT);
    }

    /** As {@link #start(DaemonConfig, TlsOptions)}, with the background compaction's policy. */
    public static ArrayDaemon start(DaemonConfig cfg, TlsOptions tls, SpaceReclamation.Policy compaction) throws IOException {
        Path dir = cfg.dataDir().toAbsolutePath();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        DataFolderLock lock = DataFolderLock.take(dir); // first: a second daemon touches nothing
        ArrayDaemon d;
        try {
            d = new ArrayDaemon(cfg, dir, lock, tls, compaction);
        } catch (IOException | RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        try {
            d.transferPort.start();
            d.server.start();
            d.writeBack.start();
            d.iscsi.start();
            d.engine.resumeInterrupted();
            d.scheduler.start();
            d.reclamation.start();
        } catch (RuntimeException | Error e) {
            d.close();
            throw e;
        }
        return d;
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public String addressString() {
        return server.address().getHostString() + ":" + server.address().getPort();
    }

    /** The port receiving replication data from peers. */
    public int transferPort() {
        return transferPort.port();
    }

    /** The port of the iSCSI portal. */
    public int iscsiPort() {
        return iscsi.port();
    }

    /** SHA-256 fingerprint of the TLS certificate, or null when the daemon speaks plain text. */
    public String tlsFingerprint() {
        return tls == null ? null : tls.fingerprint();
    }

    /** The scheme of the management API: https, or http for a daemon without TLS. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        reclamation.close();
        scheduler.close();
        iscsi.close();
        try {
            writeBack.close(); // stores the iSCSI writes still queued
        } catch (RuntimeException e) {
            System.err.println("iSCSI write-back: queued writes not stored at shutdown: " + e.getMessage());
        }
        server.close();
        transferPort.close();
        engine.close();
        data.close();
        db.close();
        folderLock.close();
    }
}
