package org.opensra.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.opensra.protocol.params.CommandParameters;
import org.opensra.protocol.params.UnsupportedCommandParameters;
import org.opensra.protocol.xml.ConnectionsXml;
import org.opensra.protocol.xml.ParametersXml;
import org.opensra.protocol.xml.XmlContentException;
import org.opensra.protocol.xml.XmlNode;
import org.opensra.protocol.xml.XmlTreeReader;

/**
 * Reads an SRM request (INV-2). No DTD is processed and no external entity is resolved: a DOCTYPE fails the
 * request (TOL-2). Element order is free, whitespace around values is ignored, and the spellings of TOL-1 are
 * accepted. A malformed or incomplete request gives a {@link ProtocolException} carrying the OutputFile when
 * it could be read (TOL-3). An unknown command name is not an error here: it yields
 * {@link UnsupportedCommandParameters} so that the adapter can answer error 100.
 */
public final class RequestParser {
    private RequestParser() {
    }

    public static Request parse(InputStream in) throws ProtocolException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ProtocolException("cannot read the request: " + e.getMessage(), Optional.empty(), e);
        }
        return parse(bytes);
    }

    public static Request parse(byte[] request) throws ProtocolException {
        XmlNode root;
        try {
            root = XmlTreeReader.read(request);
        } catch (XMLStreamException e) {
            throw new ProtocolException("the request is not acceptable XML: " + XmlProblem.describe(e, request),
                    OutputFileScan.find(request), e);
        }
        Optional<String> outputFile = nonEmpty(root.childText("OutputFile"));
        try {
            if (!root.name().equals("Command")) {
                throw new XmlContentException("the request's root element must be <Command>, not <" + root.name() + ">");
            }
            Optional<String> givenName = nonEmpty(root.childText("Name"));
            if (givenName.isEmpty()) {
                throw new XmlContentException("missing <Name> in <Command>");
            }
            if (outputFile.isEmpty()) {
                throw new XmlContentException("missing <OutputFile> in <Command>");
            }
            String name = givenName.get();
            String output = outputFile.get();
            Envelope envelope = new Envelope(name, output, root.childText("StatusFile"), root.childText("LogLevel"),
                    root.childText("LogDirectory"));
            List<Connection> connections = ConnectionsXml.read(root);
            Optional<CommandName> command = envelope.command();
            CommandParameters parameters = command.isPresent() ? ParametersXml.read(root, command.get())
                    : new UnsupportedCommandParameters(name);
            return new Request(envelope, connections, parameters);
        } catch (XmlContentException | IllegalArgumentException e) {
            throw new ProtocolException("incomplete or invalid request: " + e.getMessage(), outputFile, e);
        } catch (RuntimeException e) {
            throw new ProtocolException("invalid request (" + e.getClass().getSimpleName() + ")", outputFile, e);
        }
    }

    // plain code rather than Optional.filter/map with lambdas: the command path sets up no method handles
    private static Optional<String> nonEmpty(Optional<String> text) {
        return text.isPresent() && !text.get().isEmpty() ? text : Optional.empty();
    }
}
