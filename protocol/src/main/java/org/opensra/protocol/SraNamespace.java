package org.opensra.protocol;

/** The XML namespace of every SRA 2.0 request, response and progress document. */
public final class SraNamespace {
    public static final String URI = "http://www.vmware.com/srm/sra/v2";

    private SraNamespace() {
    }
}
