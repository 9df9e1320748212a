package org.opensra.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.opensra.protocol.result.CommandResult;
import org.opensra.protocol.xml.MessageXml;
import org.opensra.protocol.xml.ResultXml;
import org.opensra.protocol.xml.XmlContentException;
import org.opensra.protocol.xml.XmlNode;
import org.opensra.protocol.xml.XmlTreeReader;

/**
 * Reads a response document into a typed {@link Response} (for the emulator and tests). The command is told
 * by the result element's name. Same XML safety as the request parser.
 */
public final class ResponseParser {
    private ResponseParser() {
    }

    public static Response parse(InputStream in) throws ProtocolException {
        try {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ProtocolException("cannot read the response: " + e.getMessage(), Optional.empty(), e);
        }
    }

    public static Response parse(byte[] document) throws ProtocolException {
        XmlNode root;
        try {
            root = XmlTreeReader.read(document);
        } catch (XMLStreamException e) {
            throw new ProtocolException("the response is not acceptable XML: " + XmlProblem.describe(e),
                    Optional.empty(), e);
        }
        try {
            if (!root.name().equals("Response")) {
                throw new XmlContentException("the root element must be <Response>, not <" + root.name() + ">");
            }
            if (root.has("Error")) {
                return Response.error(MessageXml.read(root.requiredChild("Error")));
            }
            CommandName command = root.children().stream()
                    .map(XmlNode::name)
                    .map(ResponseParser::commandOf)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow(() -> new XmlContentException("the response holds neither a result element nor an Error"));
            CommandResult result = ResultXml.read(root, command);
            return Response.of(result, MessageXml.readWarnings(root));
        } catch (XmlContentException | IllegalArgumentException e) {
            throw new ProtocolException("invalid response: " + e.getMessage(), Optional.empty(), e);
        } catch (RuntimeException e) {
            throw new ProtocolException("invalid response (" + e.getClass().getSimpleName() + ")", Optional.empty(), e);
        }
    }

    private static Optional<CommandName> commandOf(String element) {
        return Arrays.stream(CommandName.values()).filter(c -> c.resultsElement().equals(element)).findFirst();
    }
}
