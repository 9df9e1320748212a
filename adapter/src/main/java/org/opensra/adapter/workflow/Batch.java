package org.opensra.adapter.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensra.spi.DriverException;
import org.opensra.spi.Outcome;

/**
 * Runs one batch driver call and answers exactly one result per requested item: a per-item failure
 * becomes that item's error, a failure of the whole call becomes every item's error, and an item the
 * driver did not answer gets an error naming it.
 */
final class Batch {
    private Batch() {
    }

    @FunctionalInterface
    interface Call<K, V> {
        Map<K, Outcome<V>> run(List<K> items) throws DriverException;
    }

    static <K, V> Map<K, ItemResult<V>> run(List<K> items, Call<K, V> call, Function<K, String> objectName) {
        Map<K, ItemResult<V>> results = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return results;
        }
        Map<K, Outcome<V>> answers;
        try {
            answers = call.run(List.copyOf(items));
        } catch (DriverException e) {
            for (K item : items) {
                results.put(item, ItemResult.failure(Errors.fromDriver(e.failure(), objectName.apply(item))));
            }
            return results;
        } catch (RuntimeException e) {
            for (K item : items) {
                results.put(item, ItemResult.failure(Errors.operationFailed(objectName.apply(item),
                        "driver failure: " + e.getClass().getSimpleName())));
            }
            return results;
        }
        for (K item : items) {
            Outcome<V> outcome = answers == null ? null : answers.get(item);
            if (outcome instanceof Outcome.Done<V> done) {
                results.put(item, ItemResult.success(done.value()));
            } else if (outcome instanceof Outcome.Failed<V> failed) {
                results.put(item, ItemResult.failure(Errors.fromDriver(failed.failure(), objectName.apply(item))));
            } else {
                results.put(item, ItemResult.failure(Errors.operationFailed(objectName.apply(item),
                        "the array driver returned no result for it")));
            }
        }
        return results;
    }
}
