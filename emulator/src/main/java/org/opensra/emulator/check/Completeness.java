package org.opensra.emulator.check;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.local;
import static org.opensra.emulator.xml.Xml.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** RESP-1: a per-item response holds exactly the requested groups and devices, each with a result or Error. */
public final class Completeness {
    private Completeness() {
    }

    /** Items of the response by value, for the caller's own checks; empty map when the response failed as a whole. */
    public static ItemResults check(Verdicts v, Invocation inv, ItemSet requested) {
        Optional<Element> results = inv.root().flatMap(r -> path(r, ResultNames.of(inv.command())));
        if (results.isEmpty()) {
            return new ItemResults(Map.of(), Map.of());
        }
        Map<String, Element> groups = collect(v, inv, results.get(), requested.form().groupContainer,
                requested.form().group, requested.form().groupAttr, requested.groups());
        Map<String, Element> devices = collect(v, inv, results.get(), requested.form().deviceContainer,
                requested.form().device, requested.form().deviceAttr, requested.devices());
        return new ItemResults(groups, devices);
    }

    private static Map<String, Element> collect(Verdicts v, Invocation inv, Element results, String container,
                                                String name, String attr, List<String> requested) {
        Map<String, Element> got = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Element c : children(results, container)) {
            for (Element item : children(c, name)) {
                String value = attr(item, attr);
                value = value == null ? null : value.trim();
                if (value != null && got.put(value, item) != null) {
                    duplicates.add(value);
                }
            }
        }
        List<String> missing = requested.stream().filter(r -> !got.containsKey(r)).toList();
        List<String> extra = got.keySet().stream().filter(g -> !requested.contains(g)).toList();
        v.check("RESP-1", missing.isEmpty(), name + " " + missing + " requested but missing from the response", inv);
        v.check("RESP-1", extra.isEmpty(), name + " " + extra + " in the response but not requested", inv);
        v.check("RESP-1", duplicates.isEmpty(), name + " " + duplicates + " reported more than once", inv);
        for (Map.Entry<String, Element> e : got.entrySet()) {
            boolean hasResult = children(e.getValue()).stream().anyMatch(k -> !"Warnings".equals(local(k))
                    && !"Name".equals(local(k)));
            boolean promotedAttrs = e.getValue().hasAttribute("id") && e.getValue().hasAttribute("state");
            v.check("RESP-1", hasResult || promotedAttrs, name + " \"" + e.getKey()
                    + "\" carries neither a result nor an Error", inv);
        }
        return got;
    }

    /** Response items by requested value. */
    public record ItemResults(Map<String, Element> groups, Map<String, Element> devices) {
        public Optional<Element> error(Element item) {
            return children(item, "Error").stream().findFirst();
        }

        public Map<String, Element> all() {
            Map<String, Element> all = new LinkedHashMap<>(groups);
            all.putAll(devices);
            return all;
        }
    }
}
