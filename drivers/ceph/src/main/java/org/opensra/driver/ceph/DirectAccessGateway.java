package org.opensra.driver.ceph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensra.spi.Change;
import org.opensra.spi.Identity;
import org.opensra.spi.Initiator;
import org.opensra.spi.Presentation;

/**
 * No SCSI gateway: hosts reach images as RBD clients of the cluster (librbd, krbd), whose access is
 * governed by cephx, not by the SRA. A writable image is therefore always reachable: presenting
 * changes nothing ({@code changed = false}) and unpresenting removes no host; the identity reported
 * is the WWN a SCSI gateway sets for the image ({@link Wwns}). The driver does not declare dynamic
 * access restriction with this gateway.
 */
final class DirectAccessGateway implements Gateway {
    @Override
    public Identity identity(String siteName, String stableId) {
        return new Identity.Wwn(Wwns.of(siteName, stableId));
    }

    @Override
    public Presentation present(String siteName, Image image, String stableId, List<Initiator> initiators) {
        return new Presentation(identity(siteName, stableId), List.of(), false, parameters());
    }

    @Override
    public Change unpresent(String siteName, Image image) {
        return Change.unchanged();
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gateway", "none (RBD clients of the cluster, access by cephx)");
        return p;
    }
}
