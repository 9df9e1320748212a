package org.opensra.protocol.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opensra.protocol.result.ItemResult;

/** Per-item result lists: {@code <Wrapper><Item ref="..">(value, Warnings?) | Error</Item>..</Wrapper>}. */
final class ItemsXml {
    private ItemsXml() {
    }

    static <T> void write(XmlOut out, String wrapper, String item, String refAttr, List<ItemResult<T>> items,
                          BiConsumer<XmlOut, T> valueWriter) {
        if (items.isEmpty()) {
            return;
        }
        out.start(wrapper);
        for (ItemResult<T> result : items) {
            out.start(item).attr(refAttr, result.ref());
            if (result instanceof ItemResult.Ok<T> ok) {
                valueWriter.accept(out, ok.value());
                MessageXml.writeWarnings(out, ok.warnings());
            } else if (result instanceof ItemResult.Failed<T> failed) {
                MessageXml.writeError(out, failed.error());
            }
            out.end();
        }
        out.end();
    }

    static <T> List<ItemResult<T>> read(XmlNode parent, String wrapper, String item, String refAttr,
                                        Function<XmlNode, T> valueReader) {
        return read(parent.list(wrapper, item), refAttr, valueReader);
    }

    static <T> List<ItemResult<T>> read(List<XmlNode> nodes, String refAttr, Function<XmlNode, T> valueReader) {
        List<ItemResult<T>> items = new ArrayList<>();
        for (XmlNode node : nodes) {
            String ref = node.requiredAttribute(refAttr);
            if (node.has("Error")) {
                items.add(ItemResult.failed(ref, MessageXml.read(node.requiredChild("Error"))));
            } else {
                items.add(ItemResult.ok(ref, valueReader.apply(node), MessageXml.readWarnings(node)));
            }
        }
        return items;
    }
}
