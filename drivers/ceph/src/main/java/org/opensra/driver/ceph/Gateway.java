package org.opensra.driver.ceph;

import java.util.List;
import java.util.Map;
import org.opensra.spi.Change;
import org.opensra.spi.DriverException;
import org.opensra.spi.Identity;
import org.opensra.spi.Initiator;
import org.opensra.spi.Presentation;

/**
 * How images reach hosts. Ceph has several front ends (librbd/krbd clients, ceph-iscsi, NVMe-oF, tgt's
 * rbd backing store); each is one implementation of this interface, chosen by the driver option
 * {@code ceph.gateway}.
 */
interface Gateway {
    /** The identity hosts see for an image that is presented (stable id: mirror global id or image id). */
    Identity identity(String siteName, String stableId);

    Presentation present(String siteName, Image image, String stableId, List<Initiator> initiators)
            throws DriverException;

    Change unpresent(String siteName, Image image) throws DriverException;

    /** Logged with every presentation. */
    Map<String, String> parameters();
}
