package org.opensra.adapter.workflow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.result.ItemResult;
import org.opensra.spi.Feature;

/** A workflow context on a fake array, with the log and the progress captured. */
final class Harness {
    final FakeArrays fabric;
    final FakeDriver driver;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
    DeviceFilter filter = DeviceFilter.none();
    Feature[] features = {Feature.CONSISTENCY_GROUPS, Feature.DYNAMIC_ACCESS_RESTRICTION, Feature.SYNC,
            Feature.RECOVERY_POINTS, Feature.REPLICATION_SETTINGS, Feature.DEVICE_DETAILS, Feature.CHECKS};

    Harness(FakeArrays fabric, String arrayId) {
        this.fabric = fabric;
        this.driver = new FakeDriver(fabric, arrayId);
    }

    private final SraLog log = SraLog.stdoutOnly(LogLevel.TRIVIA, out);

    /** A context on this harness's driver; every context shares the harness's one log, as one SRA process does. */
    WorkflowContext ctx() {
        return new WorkflowContext(driver, FakeDriver.description(features), log, filter, progress::add, "127.0.0.1:9443");
    }

    String log() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lines of the log that carry the given text. */
    List<String> lines(String text) {
        return log().lines().filter(l -> l.contains(text)).toList();
    }

    static <T> ItemResult<T> item(List<ItemResult<T>> items, String ref) {
        return items.stream().filter(i -> i.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ref + " in " + items));
    }

    static int code(ItemResult<?> item) {
        return ((Message.Predefined) item.failure().orElseThrow(() -> new AssertionError("not failed: " + item))).code();
    }

    static List<Integer> warnings(ItemResult<?> item) {
        if (!(item instanceof ItemResult.Ok<?> ok)) {
            throw new AssertionError("not ok: " + item);
        }
        return ok.warnings().stream().map(w -> ((Message.Predefined) w).code()).toList();
    }

    static Map<String, String> placeholders(ItemResult<?> item) {
        Message.Predefined p = (Message.Predefined) item.failure().orElseThrow();
        Map<String, String> map = new java.util.LinkedHashMap<>();
        p.placeholders().forEach(ph -> map.put(ph.name(), ph.value()));
        return map;
    }

    /** Two sites: array-a with sources v1 (standalone), v2+v3 (group cg1); array-b with their replicas. */
    static FakeArrays twoSites() {
        return new FakeArrays()
                .pair("array-a", "v1", "prod-db", "array-b", "r1")
                .pair("array-a", "v2", "prod-app 1", "array-b", "r2")
                .pair("array-a", "v3", "prod-app 2", "array-b", "r3")
                .group("array-a", "cg1", "array-b", "tg1", "v2", "v3");
    }
}
