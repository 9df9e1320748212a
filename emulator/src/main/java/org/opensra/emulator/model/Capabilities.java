package org.opensra.emulator.model;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/** What queryCapabilities told us: supported commands, execution locations, locales, features. */
public record Capabilities(Map<String, String> executionLocations, List<String> queryStringsLocales,
                           Set<String> features) {

    public Capabilities {
        executionLocations = Map.copyOf(executionLocations);
        queryStringsLocales = List.copyOf(queryStringsLocales);
        features = Set.copyOf(features);
    }

    public static Capabilities parse(Element response) {
        Element caps = path(response, "AdapterCapabilities").orElse(null);
        Map<String, String> commands = new LinkedHashMap<>();
        List<String> locales = new ArrayList<>();
        for (Element c : children(path(caps, "Commands").orElse(null), "Command")) {
            String name = c.getAttribute("name").trim();
            commands.put(name, text(c, "ExecutionLocation"));
            if ("queryStrings".equals(name)) {
                for (Element l : children(path(c, "Locales").orElse(null), "Locale")) {
                    String id = attr(l, "id");
                    if (id != null) {
                        locales.add(id.trim());
                    }
                }
            }
        }
        Set<String> feats = new java.util.LinkedHashSet<>();
        for (Element f : children(path(caps, "Features").orElse(null))) {
            feats.add(f.getLocalName());
        }
        return new Capabilities(commands, locales, feats);
    }

    public boolean supports(String command) {
        return executionLocations.containsKey(command);
    }

    /** The declared ExecutionLocation ("" when absent). */
    public String declaredLocation(String command) {
        return executionLocations.getOrDefault(command, "");
    }

    /** true when the command runs at the replication target; default source (CAP-4). */
    public boolean runsAtTarget(String command) {
        return "target".equals(declaredLocation(command));
    }

    public boolean dynamicAccessRestriction() {
        return features.contains("DynamicAccessRestriction");
    }
}
