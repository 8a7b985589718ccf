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

    private static final char SEPARATOR = '\u0000';

    /** A report's key in memory: its hash is its ref's, which Java keeps, so a lookup builds no string. */
    private record Key(int shard, String ref) {
    }

    private final KeyValueStore<String, Block.Member> store;
    private final Map<Key, Optional<Block.Member>> cached;

    ReportCache(KeyValueStore<String, Block.Member> store, int cachedReports) {
        this.store = store;
        this.cached = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Optional<Block.Member>> eldest) {
                return size() > cachedReports;
            }
        };
    }

    /** The shard's report of the ref, or null. */
    Block.Member get(int shard, String ref) {
        Key key = new Key(shard, ref);
        Optional<Block.Member> known = cached.get(key);
        if (known == null) {
            known = Optional.ofNullable(store.get(storeKey(shard, ref)));
            cached.put(key, known);
        }
        return known.orElse(null);
    }

    void put(int shard, String ref, Block.Member member) {
        store.put(storeKey(shard, ref), member);
        cached.put(new Key(shard, ref), Optional.of(member));
    }

    void delete(int shard, String ref) {
        store.delete(storeKey(shard, ref));
        cached.put(new Key(shard, ref), ABSENT);
    }

    /** {@code <shard>\0<ref>}: the store holds each report once per shard. */
    static String storeKey(int shard, String ref) {
        return shard + String.valueOf(SEPARATOR) + ref;
    }

    /** Drops what is held in memory; the store is read again. */
    void forget() {
        cached.clear();
    }
}
