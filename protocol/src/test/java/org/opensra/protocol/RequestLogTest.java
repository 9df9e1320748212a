package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static String log(String xml) {
        return RequestLog.indentMasked(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("LOG-1 SEC-1 the logged request is indented and its credentials masked")
    void indentsAndMasks() {
        String out = log("<Command xmlns=\"http://www.vmware.com/srm/sra/v2\"><Name>discoverArrays</Name>"
                + "<Connections><Connection id=\"array\"><Addresses><Address id=\"m\">h:1</Address></Addresses>"
                + "<Username>root-user</Username><Password><![CDATA[s3cr&t]]></Password></Connection></Connections>"
                + "<OutputFile>o.xml</OutputFile></Command>");
        assertThat(out).doesNotContain("root-user").doesNotContain("s3cr");
        assertThat(out).contains("<Username>********</Username>").contains("<Password>********</Password>");
        assertThat(out).contains("\n  <Name>discoverArrays</Name>").contains("\n      <Addresses>");
        assertThat(out).contains("<Address id=\"m\">h:1</Address>");
    }

    @Test
    @DisplayName("LOG-1 SEC-1 malformed requests are masked by text scan, unterminated ones to the end")
    void malformedMasked() {
        String out = log("<Command><Username a=\"1\">bob</Username><Password>hunter2</Password><Oops>");
        assertThat(out).doesNotContain("bob").doesNotContain("hunter2").contains("<Oops>");
        String cut = log("<Command><Password>hunter2 and more");
        assertThat(cut).doesNotContain("hunter2").endsWith("********");
        String prefixed = log("<x:Command xmlns:x=\"u\"><x:PASSWORD>abc</x:PASSWORD><broken");
        assertThat(prefixed).doesNotContain("abc");
    }
}
