package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TOL-2 with a witness: external DTDs and entities point at a local HTTP server; no reader of this module may
 * ever fetch them.
 */
class ExternalEntityTest {
    private HttpServer server;
    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.add(exchange.getRequestURI().toString());
            byte[] body = "<!ENTITY x 'LEAKED-BY-ENTITY'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private byte[] hostile(String root, String inner) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " SYSTEM \"" + base + "/evil.dtd\" [\n"
                + "  <!ENTITY ext SYSTEM \"" + base + "/secret\">\n  <!ENTITY % pe SYSTEM \"" + base + "/pe\"> %pe;\n]>\n"
                + inner).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("TOL-2 the request parser refuses the DOCTYPE and fetches nothing")
    void requestParser() {
        byte[] xml = hostile("Command", "<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>queryStrings</Name>"
                + "<OutputFile>out.xml</OutputFile><QueryStringsParameters><Locale>&ext;&x;</Locale>"
                + "</QueryStringsParameters></Command>");
        assertThatThrownBy(() -> RequestParser.parse(xml)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(((ProtocolException) e).outputFile()).contains("out.xml"));
        assertThat(fetched).isEmpty();
    }

    @Test
    @DisplayName("TOL-2 LOG-1 the request log, the response parser and the schema check fetch nothing either")
    void otherReaders() {
        byte[] request = hostile("Command", "<Command><Name>queryInfo</Name><OutputFile>o</OutputFile>"
                + "<Password>&ext;</Password></Command>");
        assertThat(RequestLog.indentMasked(request)).doesNotContain("LEAKED");
        byte[] response = hostile("Response", "<Response xmlns=\"http://www.vmware.com/srm/sra/v2\"><Error>"
                + "<Description>&ext;</Description><FixHint>x</FixHint></Error></Response>");
        assertThatThrownBy(() -> ResponseParser.parse(response)).isInstanceOf(ProtocolException.class);
        assertThat(SraSchema.validateResponse(response)).isNotEmpty();
        assertThat(fetched).isEmpty();
    }
}
