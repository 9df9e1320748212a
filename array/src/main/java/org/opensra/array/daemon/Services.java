package org.opensra.array.daemon;

import org.opensra.array.core.SpaceReclamation;
import org.opensra.array.core.VolumeService;
import org.opensra.array.present.Presentation;
import org.opensra.array.repl.PeerRegistry;
import org.opensra.array.repl.ReplicationConfig;
import org.opensra.array.repl.ReplicationQueries;
import org.opensra.array.repl.RoleOperations;
import org.opensra.array.repl.SyncRequests;
import org.opensra.array.repl.TestClones;
import org.opensra.array.repl.TransferPort;
import org.opensra.array.repl.TransferReceiver;

/** The daemon's services, as the HTTP routes see them. */
public record Services(String arrayId, String arrayName, boolean oneLunPerIscsiTarget, VolumeService volumes,
                       PeerRegistry peers, ReplicationConfig config, ReplicationQueries queries, SyncRequests sync,
                       RoleOperations roles, TestClones testClones, TransferReceiver receiver, TransferPort transferPort,
                       Presentation presentation, SpaceReclamation reclamation) {
}
