package org.opensra.emulator.site;

import java.util.Map;

/** Connection parameter values for one Connection group, as SRM would send them (CONN-2). */
public record ConnectionValues(String id, Map<String, String> addresses, String username, Secret password,
                               Map<String, String> opaques) {
    public ConnectionValues {
        addresses = Map.copyOf(addresses);
        opaques = Map.copyOf(opaques);
        password = password == null ? new Secret("") : password;
    }
}
