package org.opensra.emulator.model;

import static org.opensra.emulator.xml.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The groups and standalone devices a per-item command is about, in one naming form. */
public record ItemSet(ItemForm form, List<String> groups, List<String> devices) {
    public ItemSet {
        groups = List.copyOf(groups);
        devices = List.copyOf(devices);
    }

    public boolean isEmpty() {
        return groups.isEmpty() && devices.isEmpty();
    }

    public ItemSet plusDevice(String value) {
        List<String> d = new ArrayList<>(devices);
        d.add(value);
        return new ItemSet(form, groups, d);
    }

    /** XML for the request; {@code groupInner}/{@code deviceInner} give child XML per item (may be empty). */
    public String xml(String indent, Function<String, String> groupExtraAttrs, Function<String, String> groupInner,
                      Function<String, String> deviceExtraAttrs, Function<String, String> deviceInner) {
        StringBuilder b = new StringBuilder();
        if (!groups.isEmpty()) {
            b.append(indent).append('<').append(form.groupContainer).append(">\n");
            for (String g : groups) {
                item(b, indent + "  ", form.group, form.groupAttr, g, groupExtraAttrs.apply(g), groupInner.apply(g));
            }
            b.append(indent).append("</").append(form.groupContainer).append(">\n");
        }
        if (!devices.isEmpty()) {
            b.append(indent).append('<').append(form.deviceContainer).append(">\n");
            for (String d : devices) {
                item(b, indent + "  ", form.device, form.deviceAttr, d, deviceExtraAttrs.apply(d), deviceInner.apply(d));
            }
            b.append(indent).append("</").append(form.deviceContainer).append(">\n");
        }
        return b.toString();
    }

    public String xml(String indent) {
        return xml(indent, g -> "", g -> "", d -> "", d -> "");
    }

    private static void item(StringBuilder b, String indent, String name, String attr, String value, String extra,
                             String inner) {
        b.append(indent).append('<').append(name).append(' ').append(attr).append("=\"").append(esc(value)).append('"')
                .append(extra);
        if (inner == null || inner.isEmpty()) {
            b.append("/>\n");
        } else {
            b.append(">\n").append(inner).append(indent).append("</").append(name).append(">\n");
        }
    }
}
