package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects per-item results of one list of a request (its groups, or its devices) and guarantees
 * RESP-1: every requested id appears exactly once, in request order, with its own result. An id
 * requested twice is answered once; an id no step answered gets an internal error naming it; a second
 * result for an id never replaces the first failure.
 */
public final class ItemResults<T> {
    private final List<String> requested;
    private final java.util.Set<String> requestedSet;
    private final Map<String, ItemResult<T>> results = new LinkedHashMap<>();

    public ItemResults(List<String> requested) {
        this.requestedSet = new LinkedHashSet<>(requested);
        this.requested = List.copyOf(requestedSet);
    }

    /** The requested ids, duplicates removed, in request order. */
    public List<String> requested() {
        return requested;
    }

    /** Ids that have no result yet, in request order. */
    public List<String> pending() {
        return requested.stream().filter(id -> !results.containsKey(id)).toList();
    }

    public boolean has(String id) {
        return results.containsKey(id);
    }

    /** Records the result of an id; a failure already recorded for it is kept. */
    public void put(String id, ItemResult<T> result) {
        if (!requestedSet.contains(id)) {
            throw new IllegalArgumentException("not a requested item: " + id);
        }
        ItemResult<T> previous = results.get(id);
        if (previous == null || previous.isSuccess()) {
            results.put(id, result);
        }
    }

    public void fail(String id, org.opensra.protocol.Message error) {
        put(id, ItemResult.failure(error));
    }

    /** Fails every id that has no result yet (e.g. when the whole batch call failed). */
    public void failPending(Function<String, org.opensra.protocol.Message> error) {
        for (String id : pending()) {
            results.put(id, ItemResult.failure(error.apply(id)));
        }
    }

    public ItemResult<T> get(String id) {
        return results.get(id);
    }

    /**
     * The final results: one per requested id in request order; an id without a result gets an
     * internal error (1000) naming it, so the response is always complete.
     */
    public Map<String, ItemResult<T>> complete() {
        Map<String, ItemResult<T>> out = new LinkedHashMap<>();
        for (String id : requested) {
            ItemResult<T> result = results.get(id);
            out.put(id, result != null ? result
                    : ItemResult.failure(Errors.internal("no result was produced for " + id)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The final results as the protocol's per-item results, in request order (see {@link #complete()}). */
    public List<org.opensra.protocol.result.ItemResult<T>> toProtocol() {
        List<org.opensra.protocol.result.ItemResult<T>> out = new ArrayList<>();
        complete().forEach((id, result) -> {
            if (result instanceof ItemResult.Success<T> ok) {
                out.add(org.opensra.protocol.result.ItemResult.ok(id, ok.value(), ok.warnings()));
            } else {
                out.add(org.opensra.protocol.result.ItemResult.failed(id, ((ItemResult.Failure<T>) result).error()));
            }
        });
        return out;
    }

    /** Ids with a success so far, in request order. */
    public List<String> succeeded() {
        List<String> ids = new ArrayList<>();
        for (String id : requested) {
            ItemResult<T> r = results.get(id);
            if (r != null && r.isSuccess()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
