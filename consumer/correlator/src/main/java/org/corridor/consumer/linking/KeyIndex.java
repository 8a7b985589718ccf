package org.corridor.consumer.linking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The members of each blocking key, in the store ({@code <key>\0<ref>} holding when the report was filed) and, for
 * the most recently used keys, in memory too: reading a key's members is a map lookup instead of a scan of the store.
 * The store stays the truth (it is what the changelog restores); every write goes to both, and {@link #forget()}
 * drops the memory when the store was changed behind it or the task starts again. One per task: not thread-safe.
 */
final class KeyIndex {

    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, Long> store;
    private final Map<String, Map<String, Long>> cached;
    private final StringSerializer prefixes = new StringSerializer();

    KeyIndex(KeyValueStore<String, Long> store, int cachedKeys) {
        this.store = store;
        this.cached = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
                return size() > cachedKeys;
            }
        };
    }

    /** The refs filed under the key and when each was filed (read-only; do not keep it across writes). */
    Map<String, Long> members(String key) {
        Map<String, Long> known = cached.get(key);
        if (known == null) {
            known = new HashMap<>();
            try (KeyValueIterator<String, Long> it = store.prefixScan(key + SEPARATOR, prefixes)) {
                while (it.hasNext()) {
                    var e = it.next();
                    known.put(e.key.substring(key.length() + 1), e.value);
                }
            }
            cached.put(key, known);
        }
        return Collections.unmodifiableMap(known);
    }

    void put(String key, String ref, long at) {
        store.put(entry(key, ref), at);
        Map<String, Long> known = cached.get(key);
        if (known != null) {
            known.put(ref, at);
        }
    }

    void delete(String key, String ref) {
        store.delete(entry(key, ref));
        Map<String, Long> known = cached.get(key);
        if (known != null) {
            known.remove(ref);
        }
    }

    /** Empties the key. */
    void deleteAll(String key) {
        List<String> refs = new ArrayList<>(members(key).keySet());
        refs.forEach(ref -> store.delete(entry(key, ref)));
        cached.put(key, new HashMap<>());
    }

    /** Drops what is held in memory; the store is read again. */
    void forget() {
        cached.clear();
    }

    private static String entry(String key, String ref) {
        return key + SEPARATOR + ref;
    }
}
