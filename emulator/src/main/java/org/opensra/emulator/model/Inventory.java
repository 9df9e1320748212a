package org.opensra.emulator.model;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** A parsed discoverDevices response (DD-1..DD-6). */
public record Inventory(List<SourceGroup> sourceGroups, List<TargetGroup> targetGroups, List<SourceDev> sourceDevices,
                        List<TargetDev> targetDevices) {

    public static Inventory parse(Element response) {
        Element rd = path(response, "ReplicatedDevices").orElse(null);
        List<SourceGroup> sg = new ArrayList<>();
        for (Element g : children(path(rd, "ConsistencyGroups").orElse(null), "ConsistencyGroup")) {
            // the spec's own example once spells TargetGroup as Target (TOL): accept both
            String key = child(g, "TargetGroup").or(() -> child(g, "Target")).map(e -> attr(e, "key")).orElse(null);
            sg.add(new SourceGroup(attr(g, "id"), attr(g, "state"), key, sources(path(g, "SourceDevices").orElse(null)),
                    text(g, "Name")));
        }
        List<TargetGroup> tg = new ArrayList<>();
        for (Element g : children(path(rd, "TargetGroups").orElse(null), "TargetGroup")) {
            String snap = child(g, "Snapshot").map(e -> attr(e, "id")).orElse(null);
            List<TargetDev> devs = targets(path(g, "TargetDevices").orElse(null));
            Optional<Element> snapDevs = path(g, "Snapshot", "TargetDevices");
            if (snapDevs.isPresent()) {
                List<TargetDev> withSnap = new ArrayList<>();
                for (TargetDev d : devs) {
                    String sid = children(snapDevs.get(), "TargetDevice").stream()
                            .filter(e -> d.key() != null && d.key().equals(attr(e, "key")))
                            .findFirst().flatMap(e -> child(e, "Snapshot")).map(e -> attr(e, "id")).orElse(null);
                    withSnap.add(new TargetDev(d.key(), d.id(), d.state(), d.identity(), sid, d.name()));
                }
                devs = withSnap;
            }
            tg.add(new TargetGroup(attr(g, "key"), attr(g, "id"), attr(g, "state"), devs, snap, text(g, "Name")));
        }
        return new Inventory(sg, tg, sources(path(rd, "SourceDevices").orElse(null)),
                targets(path(rd, "TargetDevices").orElse(null)));
    }

    private static List<SourceDev> sources(Element container) {
        List<SourceDev> out = new ArrayList<>();
        for (Element d : children(container, "SourceDevice")) {
            out.add(new SourceDev(attr(d, "id"), attr(d, "state"),
                    child(d, "TargetDevice").map(e -> attr(e, "key")).orElse(null),
                    child(d, "Identity").isPresent(), text(d, "Name")));
        }
        return out;
    }

    private static List<TargetDev> targets(Element container) {
        List<TargetDev> out = new ArrayList<>();
        for (Element d : children(container, "TargetDevice")) {
            out.add(new TargetDev(attr(d, "key"), attr(d, "id"), attr(d, "state"), child(d, "Identity").isPresent(),
                    child(d, "Snapshot").map(e -> attr(e, "id")).orElse(null), text(d, "Name")));
        }
        return out;
    }

    public Optional<SourceGroup> sourceGroup(String id) {
        return sourceGroups.stream().filter(g -> id.equals(g.id())).findFirst();
    }

    public Optional<TargetGroup> targetGroup(String key) {
        return targetGroups.stream().filter(g -> key.equals(g.key())).findFirst();
    }

    /** A standalone or grouped source device by id. */
    public Optional<SourceDev> sourceDevice(String id) {
        return allSourceDevices().stream().filter(d -> id.equals(d.id())).findFirst();
    }

    public Optional<TargetDev> targetDevice(String key) {
        return allTargetDevices().stream().filter(d -> key.equals(d.key())).findFirst();
    }

    public List<SourceDev> allSourceDevices() {
        List<SourceDev> all = new ArrayList<>(sourceDevices);
        sourceGroups.forEach(g -> all.addAll(g.devices()));
        return all;
    }

    public List<TargetDev> allTargetDevices() {
        List<TargetDev> all = new ArrayList<>(targetDevices);
        targetGroups.forEach(g -> all.addAll(g.devices()));
        return all;
    }
}
