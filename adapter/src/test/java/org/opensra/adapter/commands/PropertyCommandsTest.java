package org.opensra.adapter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensra.adapter.SraException;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.testing.Contexts;
import org.opensra.adapter.testing.TestDrivers;
import org.opensra.protocol.Message;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.model.ConnectionDefinition;
import org.opensra.protocol.model.LocalizedText;
import org.opensra.protocol.model.MessageDefinition;
import org.opensra.protocol.model.ParameterDefinition;
import org.opensra.protocol.model.Prompt;
import org.opensra.protocol.params.QueryConnectionParametersParameters;
import org.opensra.protocol.params.QueryErrorDefinitionsParameters;
import org.opensra.protocol.params.QueryInfoParameters;
import org.opensra.protocol.params.QueryStringsParameters;
import org.opensra.protocol.result.AdapterConnectionParameters;
import org.opensra.protocol.result.AdapterInfo;
import org.opensra.protocol.result.ErrorDefinitions;
import org.opensra.protocol.result.Strings;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.DriverDescription;
import org.opensra.spi.ExecutionModel;

class PropertyCommandsTest {
    @TempDir
    Path install;

    private Object result(org.opensra.adapter.CommandHandler handler, Request request, DriverDescription driver)
            throws SraException {
        Response response = handler.handle(request, new Contexts(install).context(request, driver));
        assertThat(response).isInstanceOf(Response.Completed.class);
        return ((Response.Completed) response).result();
    }

    @Test
    @DisplayName("INFO-1 queryInfo: name and vendor with stringIds, version, the fixed RFC 4122 UUID, HelpUrl")
    void queryInfo() throws SraException {
        AdapterInfo info = (AdapterInfo) result(new QueryInfoCommand(),
                Contexts.request("queryInfo", new QueryInfoParameters()), TestDrivers.embeddedLike());
        assertThat(info.name()).isEqualTo(LocalizedText.of("OpenSRA Storage Replication Adapter", "AdapterName"));
        assertThat(info.vendor()).isEqualTo(LocalizedText.of("The OpenSRA Project", "AdapterVendor"));
        assertThat(info.version()).isNotBlank().doesNotContain("${");
        // The UUID must never change across versions: this literal is the contract.
        assertThat(info.uuid()).isEqualTo("6f1c2a8e-4b7d-4e39-9a51-3c0d8e2f7b64");
        UUID uuid = UUID.fromString(info.uuid());
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(info.helpUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://"));
    }

    @Test
    @DisplayName("CONN-1 queryConnectionParameters: the embedded array's connection, titles <= 64 and hints <= 256 characters")
    void connectionParameters() throws SraException {
        AdapterConnectionParameters params = (AdapterConnectionParameters) result(new QueryConnectionParametersCommand(),
                Contexts.request("queryConnectionParameters", new QueryConnectionParametersParameters()),
                TestDrivers.embeddedLike());
        assertThat(params.connections()).hasSize(1);
        ConnectionDefinition c = params.connections().get(0);
        assertThat(c.id()).isEqualTo("array");
        assertThat(c.addresses()).extracting(ParameterDefinition::id).containsExactly("managementAddress");
        assertThat(c.username()).isPresent();
        assertThat(c.password()).isPresent();
        assertThat(c.opaques()).hasSize(2);
        assertThat(c.opaques().get(0).id()).isEqualTo("deviceNamePrefix");
        assertThat(c.opaques().get(0).optional()).isTrue();
        assertThat(c.opaques().get(1).id()).as("issue 12: the pinned TLS fingerprint").isEqualTo("tlsFingerprint");
        assertThat(c.opaques().get(1).optional()).isTrue();
        List<Prompt> prompts = new java.util.ArrayList<>();
        prompts.add(c.prompt());
        c.addresses().forEach(a -> prompts.add(a.prompt()));
        c.opaques().forEach(o -> prompts.add(o.prompt()));
        prompts.add(c.username().orElseThrow());
        prompts.add(c.password().orElseThrow());
        for (Prompt p : prompts) {
            assertThat(p.title().text().length()).isBetween(1, 64);
            assertThat(p.hint().text().length()).isBetween(1, 256);
            assertThat(p.title().stringId()).isPresent();
            assertThat(p.hint().stringId()).isPresent();
        }
    }

    @Test
    @DisplayName("CONN-1 a driver title longer than 64 characters is a misconfigured driver (1016), not a truncated text")
    void tooLongTitle() {
        ConnectionSpec good = TestDrivers.embeddedConnection();
        ConnectionSpec bad = new ConnectionSpec("array", org.opensra.spi.LocalizedText.of("T", "x".repeat(65)),
                good.hint(), good.addresses(), good.username(), good.password(), good.opaques());
        DriverDescription base = TestDrivers.embeddedLike();
        DriverDescription driver = new DriverDescription(base.models(), base.replicationSoftware(), List.of(bad),
                base.features(), base.identification(), base.protocols(), ExecutionModel.defaults(),
                base.customProperties(), base.vmSnapshotNamePattern());
        Request request = Contexts.request("queryConnectionParameters", new QueryConnectionParametersParameters());
        assertThatThrownBy(() -> new QueryConnectionParametersCommand().handle(request,
                new Contexts(install).context(request, driver)))
                .isInstanceOf(SraException.class)
                .satisfies(e -> assertThat(((Message.Predefined) ((SraException) e).error()).code()).isEqualTo(1016));
    }

    @Test
    @DisplayName("LOC-2 queryStrings: every used stringId once, translated, locale attribute as requested")
    void queryStrings() throws SraException {
        Map<String, String> english = UsedStrings.collect(TestDrivers.embeddedLike(), ErrorCatalogue.standard()).english();
        for (String locale : List.of("en", "de", "fr", "ja", "zh-CN", "zh-cn", "de-CH")) {
            Strings strings = (Strings) result(new QueryStringsCommand(),
                    Contexts.request("queryStrings", new QueryStringsParameters(locale)), TestDrivers.embeddedLike());
            assertThat(strings.locale()).isEqualTo(locale);
            List<String> ids = strings.strings().stream().map(Strings.Entry::id).collect(Collectors.toList());
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
            assertThat(ids).containsExactlyInAnyOrderElementsOf(english.keySet());
            Map<String, String> texts = strings.strings().stream()
                    .collect(Collectors.toMap(Strings.Entry::id, Strings.Entry::text));
            if (locale.equals("en")) {
                assertThat(texts).isEqualTo(english);
            } else {
                assertThat(texts.get("Description1001")).isNotEqualTo(english.get("Description1001"));
            }
        }
    }

    @Test
    @DisplayName("INV-6 LOC-1 queryStrings with an unsupported locale is error 101 with the <Locale> placeholder")
    void unsupportedLocale() {
        Request request = Contexts.request("queryStrings", new QueryStringsParameters("pt-BR"));
        assertThatThrownBy(() -> new QueryStringsCommand().handle(request,
                new Contexts(install).context(request, TestDrivers.embeddedLike())))
                .isInstanceOf(SraException.class)
                .satisfies(e -> assertThat(((SraException) e).error())
                        .isEqualTo(Message.predefined(101, "Locale", "pt-BR")));
    }

    @Test
    @DisplayName("ERR-6 queryErrorDefinitions: OpenSRA's errors and warnings with stringIds on Description and FixHint")
    void errorDefinitions() throws SraException {
        ErrorDefinitions defs = (ErrorDefinitions) result(new QueryErrorDefinitionsCommand(),
                Contexts.request("queryErrorDefinitions", new QueryErrorDefinitionsParameters()), TestDrivers.embeddedLike());
        assertThat(defs.errors()).extracting(MessageDefinition::code).allMatch(c -> c >= 1000 && c < 2000).hasSize(24);
        assertThat(defs.warnings()).extracting(MessageDefinition::code).containsExactly(2001, 2002, 2003, 2004, 2005, 2006);
        Set<String> ids = new HashSet<>();
        for (MessageDefinition d : defs.errors()) {
            assertThat(d.description().stringId()).contains("Description" + d.code());
            assertThat(d.fixHint().stringId()).contains("FixHint" + d.code());
            ids.add(d.description().stringId().orElseThrow());
        }
        MessageDefinition unreachable = defs.errors().stream().filter(d -> d.code() == 1001).findFirst().orElseThrow();
        assertThat(unreachable.description().text()).contains("{Address}");
        assertThat(ids).hasSize(24);
    }
}
