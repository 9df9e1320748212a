package org.opensra.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A volume as presented after {@link ArrayDriver#present}.
 *
 * @param identity how the hosts see it now
 * @param initiators the initiators that have access now
 * @param changed false when it was already presented exactly so (no-op)
 * @param parameters access type, multi-host access, CHAP, ... (logged, Appendix A)
 */
public record Presentation(Identity identity, List<Initiator> initiators, boolean changed,
                           Map<String, String> parameters) {
    public Presentation {
        Objects.requireNonNull(identity, "identity");
        initiators = List.copyOf(initiators);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
