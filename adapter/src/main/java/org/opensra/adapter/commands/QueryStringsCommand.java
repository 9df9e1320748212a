package org.opensra.adapter.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.CommandContext;
import org.opensra.adapter.CommandHandler;
import org.opensra.adapter.ErrorCodes;
import org.opensra.adapter.SraException;
import org.opensra.adapter.l10n.SupportedLocales;
import org.opensra.adapter.l10n.Translations;
import org.opensra.protocol.Request;
import org.opensra.protocol.Response;
import org.opensra.protocol.params.QueryStringsParameters;
import org.opensra.protocol.result.Strings;

/**
 * queryStrings (LOC-1, LOC-2): every stringId used anywhere, once, translated to the requested locale;
 * the {@code locale} attribute repeats the request. An unsupported locale is error 101 with the
 * {@code <Locale>} placeholder (INV-6). A missing translation falls back to English and is logged.
 */
public final class QueryStringsCommand implements CommandHandler {

    @Override
    public Response handle(Request request, CommandContext context) throws SraException {
        String requested = request.parameters(QueryStringsParameters.class).locale();
        Optional<String> locale = SupportedLocales.resolve(requested);
        if (locale.isEmpty()) {
            throw new SraException(context.errors().error(ErrorCodes.LOCALE_NOT_SUPPORTED, requested),
                    "locale " + requested + " not supported");
        }
        Map<String, String> english = UsedStrings.collect(context.driver().description(), context.errors()).english();
        Translations translations = SupportedLocales.ENGLISH.equals(locale.get()) ? null
                : Translations.load(QueryStringsCommand.class.getClassLoader(), locale.get());
        List<Strings.Entry> entries = new ArrayList<>(english.size());
        List<String> untranslated = new ArrayList<>();
        for (Map.Entry<String, String> e : english.entrySet()) {
            String text = e.getValue();
            if (translations != null) {
                Optional<String> translated = translations.get(e.getKey());
                if (translated.isPresent()) {
                    text = translated.get();
                } else {
                    untranslated.add(e.getKey());
                }
            }
            entries.add(new Strings.Entry(e.getKey(), text));
        }
        if (!untranslated.isEmpty()) {
            context.log().warning("No " + locale.get() + " translation, English used, for " + untranslated);
        }
        context.log().verbose(entries.size() + " strings for locale " + locale.get());
        return Response.of(new Strings(requested, entries));
    }
}
