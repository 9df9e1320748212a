package org.opensra.driver.ceph;

import java.util.Map;
import java.util.Set;

/**
 * What one inventory read found at a site: the images of the configured pools by spec (from the
 * dashboard's image list, whose names may be up to 30 s old) and the markers (fresh).
 */
record Listing(Map<String, Image> images, Set<String> markers) {
    Image get(String spec) {
        return images.get(spec);
    }

    boolean has(String marker) {
        return markers.contains(marker);
    }
}
