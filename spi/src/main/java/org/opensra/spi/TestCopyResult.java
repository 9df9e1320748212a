package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ArrayDriver#createTestCopies} made for one replica.
 *
 * @param copy the copy: for a volume its clone volume; for a group the clone group
 * @param cloneIdsByVolume replica volume id -> clone volume id (one entry for a volume, one per member
 *     for a group)
 * @param parameters every parameter used to make the copy (access, provisioning, base, ...), logged
 *     as Appendix A asks
 */
public record TestCopyResult(TestCopy copy, Map<String, String> cloneIdsByVolume, Map<String, String> parameters) {
    public TestCopyResult {
        Objects.requireNonNull(copy, "copy");
        cloneIdsByVolume = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cloneIdsByVolume));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
