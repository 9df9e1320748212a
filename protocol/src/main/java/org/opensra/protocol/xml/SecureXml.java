package org.opensra.protocol.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/**
 * The JDK's own StAX factories (never {@code newFactory()}, which may pick up another implementation on the
 * class path), configured so that no DTD is processed and no external entity is ever resolved (TOL-2).
 */
public final class SecureXml {
    private SecureXml() {
    }

    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver(new RefuseExternal());
        return factory;
    }

    /** Refuses every external resource (a plain class, not a lambda: no method-handle set-up at startup). */
    private static final class RefuseExternal implements javax.xml.stream.XMLResolver {
        @Override
        public Object resolveEntity(String publicId, String systemId, String baseUri, String namespace)
                throws javax.xml.stream.XMLStreamException {
            throw new javax.xml.stream.XMLStreamException("external resource refused: " + systemId);
        }
    }

    public static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }
}
