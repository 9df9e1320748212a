package org.opensra.protocol;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

/** Test helper: independent well-formedness check with the JDK DOM parser. */
final class SraSchemaSupport {
    private SraSchemaSupport() {
    }

    static boolean wellFormed(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
