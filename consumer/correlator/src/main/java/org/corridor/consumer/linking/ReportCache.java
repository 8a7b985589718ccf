package org.corridor.consumer.linking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The reports a shard keeps, in the store and, for the most recently read, decoded in memory too: a report is
 * compared with many others over its retention, and decoding it each time cost more than the comparison. The store
 * stays the truth; every write goes to both, and {@link #forget()} drops the memory when the store was changed behind
 * it or the task starts again. One per task: not thread-safe.
 */
final class ReportCache {

    /** Marks a report known to be absent from the store. */
    private static final Optional<Block.Member> ABSENT = Optional.empty();

    private final KeyValueStore<String, Block.Member> store;
    private final Map<String, Optional<Block.Member>> cached;

    ReportCache(KeyValueStore<String, Block.Member> store, int cachedReports) {
        this.store = store;
        this.cached = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Block.Member>> eldest) {
                return size() > cachedReports;
            }
        };
    }

    /** The report under the key, or null. */
    Block.Member get(String key) {
        Optional<Block.Member> known = cached.get(key);
        if (known == null) {
            known = Optional.ofNullable(store.get(key));
            cached.put(key, known);
        }
        return known.orElse(null);
    }

    void put(String key, Block.Member member) {
        store.put(key, member);
        cached.put(key, Optional.of(member));
    }

    void delete(String key) {
        store.delete(key);
        cached.put(key, ABSENT);
    }

    /** Drops what is held in memory; the store is read again. */
    void forget() {
        cached.clear();
    }
}
