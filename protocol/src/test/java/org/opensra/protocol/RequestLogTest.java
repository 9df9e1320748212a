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

    /** Found by the request fuzz test (issue 18): a 40,000-deep request ran out of memory or for minutes. */
    @Test
    @DisplayName("TOL-3 LOG-1 a request nested far too deep is logged in linear size (was quadratic: out of memory)")
    void deepNestingLoggedLinearly() {
        int depth = 40_000;
        String xml = "<Command><Name>queryInfo</Name><Password>pw-deep-1</Password>" + "<Nest>".repeat(depth) + "x"
                + "</Nest>".repeat(depth) + "</Command>";
        String out = log(xml);
        assertThat(out.length()).isLessThan(xml.length() * 2);
        assertThat(out).doesNotContain("pw-deep-1");
    }

    /** Found by the request fuzz test (issue 18): the text scan read UTF-16 as UTF-8 and masked nothing. */
    @Test
    @DisplayName("SEC-1 a malformed UTF-16 request's credentials are masked too")
    void utf16Masked() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Command><Username>utf16-user</Username>"
                + "<Password>utf16-secret</Password><Oops></Command>";
        for (java.nio.charset.Charset cs : java.util.List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16, java.nio.charset.Charset.forName("UTF-32BE"))) {
            String out = RequestLog.indentMasked(xml.getBytes(cs));
            assertThat(out).as(cs.name()).contains("<Password>********").doesNotContain("utf16-secret")
                    .doesNotContain("utf16-user");
        }
    }

    /** Found by the request fuzz test (issue 18): the text scan lower-cased the whole request per credential. */
    @Test
    @DisplayName("TOL-3 SEC-1 a malformed request with 20,000 credentials is masked in linear time")
    void manyCredentialsMaskedLinearly() {
        String xml = "<Command>" + "<Password>pw-many-1</Password>".repeat(20_000) + "<Oops></Command>";
        long start = System.nanoTime();
        String out = log(xml);
        assertThat(out).doesNotContain("pw-many-1").contains("<Password>********</Password>");
        // quadratic took minutes; linear takes milliseconds: a minute is generous for a loaded machine
        assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
    }
}
