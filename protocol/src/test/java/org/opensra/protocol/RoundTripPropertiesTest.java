package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.params.QuerySyncStatusParameters;
import org.opensra.protocol.params.SyncRef;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.SyncResults;

/** Arbitrary ids, keys, paths and message texts survive writing and reading (TOL-1b, ERR-2, ERR-3). */
class RoundTripPropertiesTest {

    /** Values as SRM and arrays produce them: any XML-safe text without surrounding blanks (TOL-1 trims). */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(40)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Property(tries = 100)
    @Label("TOL-1b ids, keys, sync ids and Windows paths round-trip through a request")
    void requestValues(@ForAll("values") String ref, @ForAll("values") String syncId, @ForAll("values") String path,
                       @ForAll("values") String password) throws Exception {
        Request request = new Request(Envelope.of("querySyncStatus", "C:\\" + path, null, "info", null),
                List.of(new Connection("array", Map.of("managementAddress", path), Optional.of(ref),
                        Optional.of(password), Map.of())),
                new QuerySyncStatusParameters(ref, syncId, List.of(), List.of(new SyncRef(ref, syncId)), List.of(),
                        List.of()));
        byte[] xml = RequestWriter.toBytes(request);
        assertThat(RequestParser.parse(xml)).isEqualTo(request);
        assertThat(RequestLog.indentMasked(xml)).doesNotContain("<Password>" + password);
        assertThat(SraSchema.validateRequest(xml)).isEmpty();
    }

    @Property(tries = 100)
    @Label("ERR-2 ERR-3 message texts and placeholder values round-trip through a response")
    void responseValues(@ForAll("values") String ref, @ForAll("values") String text,
                        @ForAll("values") String hint) throws Exception {
        Response response = Response.of(new SyncResults(CommandName.SYNC_ONCE, List.of(),
                List.of(ItemResult.ok(ref, DeviceSync.inProgress(text, 50, 10), List.of(Message.undefined(text, hint))),
                        ItemResult.failed(ref, Message.predefined(1004, "DeviceId", text))), List.of(), List.of()));
        byte[] xml = ResponseWriter.toBytes(response);
        assertThat(ResponseParser.parse(xml)).isEqualTo(response);
        assertThat(SraSchema.validateResponse(xml)).isEmpty();
    }
}
