package org.opensra.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.opensra.protocol.xml.XmlTreeReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML Schema of the SRA 2.0 documents ({@code sra-v2.xsd}, written from the specification's tables):
 * validates responses, requests and progress documents with the JDK's javax.xml.validation. The schema is
 * loaded once; each call uses its own validator, so calls may run concurrently. Documents with a DOCTYPE are
 * refused before validation (TOL-2).
 */
public final class SraSchema {
    /** Class path resource of the schema. */
    public static final String RESOURCE = "/org/opensra/protocol/sra-v2.xsd";

    private SraSchema() {
    }

    private static final class Holder {
        static final Schema SCHEMA = load();

        private static Schema load() {
            URL url = SraSchema.class.getResource(RESOURCE);
            if (url == null) {
                throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            try {
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException("invalid schema " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }

    /** The problems of a response document; empty when it is valid. */
    public static List<String> validateResponse(byte[] xml) {
        return validate(xml, "Response");
    }

    /** The problems of a request document; empty when it is valid. */
    public static List<String> validateRequest(byte[] xml) {
        return validate(xml, "Command");
    }

    /** The problems of one ProgressUpdate document; empty when it is valid. */
    public static List<String> validateProgress(byte[] xml) {
        return validate(xml, "ProgressUpdate");
    }

    private static List<String> validate(byte[] xml, String expectedRoot) {
        List<String> problems = new ArrayList<>();
        try {
            String root = XmlTreeReader.read(xml).name();
            if (!root.equals(expectedRoot)) {
                problems.add("root element is <" + root + ">, expected <" + expectedRoot + ">");
                return problems;
            }
        } catch (XMLStreamException e) {
            problems.add("not acceptable XML: " + XmlProblem.describe(e));
            return problems;
        }
        try {
            Validator validator = Holder.SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(problems));
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            problems.add("cannot read the document: " + e.getMessage());
        }
        return problems;
    }

    private static final class Collector implements ErrorHandler {
        private final List<String> problems;

        Collector(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            problems.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
            throw e;
        }
    }
}
