package org.opensra.adapter.commands;

import org.opensra.adapter.ReleaseInfo;
import org.opensra.spi.LocalizedText;

/** Who the SRA is (INFO-1): name, vendor, its UUID and help page. */
public final class AdapterIdentity {
    /**
     * SRM identifies the SRA by this UUID (RFC 4122, version 4). It must never change, in any version of
     * OpenSRA: a new UUID would make SRM see a different SRA and lose its array managers.
     */
    public static final String UUID = "6f1c2a8e-4b7d-4e39-9a51-3c0d8e2f7b64";
    public static final LocalizedText NAME = LocalizedText.of("AdapterName", ReleaseInfo.load().name());
    public static final LocalizedText VENDOR = LocalizedText.of("AdapterVendor", "The OpenSRA Project");
    public static final String HELP_URL = "https://github.com/opensra/opensra#readme";

    private AdapterIdentity() {
    }
}
