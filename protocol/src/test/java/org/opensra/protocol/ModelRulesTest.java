package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.protocol.model.DeviceSync;
import org.opensra.protocol.model.Features;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.model.RecoveryPoint;
import org.opensra.protocol.model.ReplicationSettings;
import org.opensra.protocol.params.QueryReplicationSettingsParameters;
import org.opensra.protocol.params.SyncOnceParameters;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.ItemResult;
import org.opensra.protocol.result.Strings;
import org.opensra.protocol.result.Success;
import org.opensra.protocol.result.SuccessResults;

/** The tables' rules that the typed model enforces when a result is built. */
class ModelRulesTest {

    @Test
    @DisplayName("CONN-1 Title at most 64 characters, Hint at most 256, only opaques optional")
    void connectionParameterLimits() {
        assertThat(new Prompt(LocalizedText.of("x".repeat(64)), LocalizedText.of("y".repeat(256)))).isNotNull();
        assertThatThrownBy(() -> new Prompt(LocalizedText.of("x".repeat(65)), LocalizedText.of("y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> new Prompt(LocalizedText.of("x"), LocalizedText.of("y".repeat(257))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
        Prompt p = new Prompt(LocalizedText.of("t"), LocalizedText.of("h"));
        assertThatThrownBy(() -> new org.opensra.protocol.model.ConnectionDefinition("c", p,
                List.of(new ParameterDefinition("a", p, true)), Optional.empty(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.opensra.protocol.model.ConnectionDefinition("c", p, List.of(),
                Optional.empty(), Optional.empty(), List.of())).hasMessageContaining("Address");
    }

    @Test
    @DisplayName("LOC-2 string ids are unique; ERR-6 definition codes are unique")
    void uniqueness() {
        assertThatThrownBy(() -> new Strings("de", List.of(new Strings.Entry("a", "1"), new Strings.Entry("a", "2"))))
                .hasMessageContaining("duplicate");
        MessageDefinition d = new MessageDefinition(1001, LocalizedText.of("d"), LocalizedText.of("f"));
        assertThatThrownBy(() -> new ErrorDefinitions(List.of(d, d), List.of())).hasMessageContaining("1001");
    }

    @Test
    @DisplayName("CAP-2 Features need at least one Protocol")
    void featuresNeedProtocol() {
        assertThatThrownBy(() -> new Features(false, false, false, Optional.empty(), List.of(), Optional.empty(), false))
                .hasMessageContaining("Protocol");
    }

    @Test
    @DisplayName("RP-1 recovery point times are xsd:dateTime; RP-3 an instant is written in UTC")
    void recoveryPointTime() {
        assertThat(new RecoveryPoint("a", Optional.empty(), "2009-07-10T02:10:00.0", false).time())
                .isEqualTo("2009-07-10T02:10:00.0");
        assertThat(new RecoveryPoint("a", Optional.empty(), "2009-07-10T02:10:00+02:00", false)).isNotNull();
        assertThatThrownBy(() -> new RecoveryPoint("a", Optional.empty(), "10 July 2009", false))
                .hasMessageContaining("xsd:dateTime");
        assertThat(RecoveryPoint.of("latest", Optional.empty(), java.time.Instant.parse("2026-01-02T03:04:05Z"), false)
                .time()).isEqualTo("2026-01-02T03:04:05.000Z");
    }

    @Test
    @DisplayName("SYNC-1 progress is 0..100; SYNC-4 source and target forms are not mixed")
    void syncRules() {
        assertThatThrownBy(() -> DeviceSync.inProgress("s", 101, 0)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new SyncOnceParameters("A", "B", List.of("cg"), List.of(), List.of("tg"), List.of()))
                .hasMessageContaining("mixed");
        assertThat(new QueryReplicationSettingsParameters("A", "B", List.of(), List.of(), List.of(), List.of("t"))
                .isTargetForm()).isTrue();
    }

    @Test
    @DisplayName("RESP-1 per-item results only hold the collections their command's table allows")
    void successResultsShape() {
        List<ItemResult<Success>> one = List.of(ItemResult.ok("x", Success.SUCCESS));
        assertThatThrownBy(() -> new SuccessResults(CommandName.PREPARE_FAILOVER, List.of(), List.of(), one, List.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuccessResults.forTargets(CommandName.FAILOVER, one, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RS-1 ReplicationSettings must be one <ReplicationSettings> element; content is recoverable")
    void settingsShape() {
        assertThatThrownBy(() -> new ReplicationSettings("<Other/>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReplicationSettings("<ReplicationSettings a=\"x>y\">c</ReplicationSettings>").content())
                .isEqualTo("c");
        assertThat(new ReplicationSettings("<ReplicationSettings/>").content()).isEmpty();
        assertThatThrownBy(() -> new ReplicationSettings("<ReplicationSettings><a></ReplicationSettings>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> ReplicationSettings.ofContent("<x:a/>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicationSettings("<ReplicationSettings/><ReplicationSettings/>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("INV-3 text an XML document cannot carry (control characters) is replaced, never breaks the response")
    void controlCharacters() throws Exception {
        byte[] xml = ResponseWriter.toBytes(Response.error(Message.undefined("bad \u0001 byte \uD800", "fix")));
        assertThat(SraSchema.validateResponse(xml)).isEmpty();
        Message back = ((Response.Failed) ResponseParser.parse(xml)).error();
        assertThat(((Message.Undefined) back).description()).isEqualTo("bad \uFFFD byte \uFFFD");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("\u0001");
    }

    @Test
    @DisplayName("ERR-2 placeholder names must be XML element names")
    void placeholderNames() {
        assertThatThrownBy(() -> Message.predefined(1000, "bad name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.predefined(1000, "OnlyName")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Message.predefined(1000, "Reason", "x").value("Reason")).contains("x");
    }
}
