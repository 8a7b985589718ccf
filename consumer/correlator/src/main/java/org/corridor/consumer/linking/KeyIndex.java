package org.corridor.consumer.linking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The members of each blocking key, in the store ({@code <key>\0<ref>} holding its {@link Block.Filing}) and, for
 * the most recently used keys, in memory too: reading a key's members is a map lookup instead of a scan of the store.
 * A Bloom filter of every key filed under since the task started (built from the store when it starts) answers for
 * the keys never filed under, most of those an alert brings (its identifiers, a period of a rare substance and
 * country), without a scan; a false positive costs only the scan. The store stays the truth (it is what the changelog
 * restores); every write goes to both, and {@link #forget()} drops the memory when the store was changed behind it
 * (the filter may still say a key is there once its members are gone: a scan finds none). Built again when the task
 * starts again. One per task: not thread-safe.
 */
final class KeyIndex {

    private static final char SEPARATOR = '\u0000';
    /** The filter's false positive rate while it holds no more keys than it was sized for. */
    private static final double FALSE_POSITIVES = 0.01;

    private final KeyValueStore<String, Block.Filing> store;
    private final Map<String, Map<String, Block.Filing>> cached;
    private final StringSerializer prefixes = new StringSerializer();
    private final BloomFilter<CharSequence> filed;

    /**
     * @param expectedKeys how many keys the filter is sized for at least (it is sized for twice what the store holds
     *                     when that is more); beyond, it answers "maybe" more often, never wrongly "no"
     */
    KeyIndex(KeyValueStore<String, Block.Filing> store, int cachedKeys, int expectedKeys) {
        this.store = store;
        long entries = Math.max(0, store.approximateNumEntries());
        this.filed = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8),
                Math.max(expectedKeys, Math.min(Integer.MAX_VALUE / 2, 2 * entries)), FALSE_POSITIVES);
        try (KeyValueIterator<String, Block.Filing> all = store.all()) {
            while (all.hasNext()) {
                String entry = all.next().key;
                int at = entry.indexOf(SEPARATOR);
                filed.put(at < 0 ? entry : entry.substring(0, at));
            }
        }
        this.cached = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Block.Filing>> eldest) {
                return size() > cachedKeys;
            }
        };
    }

    /** The refs filed under the key and each one's entry (read-only; do not keep it across writes). */
    Map<String, Block.Filing> members(String key) {
        Map<String, Block.Filing> known = cached.get(key);
        if (known == null) {
            if (!filed.mightContain(key)) {
                return Map.of();  // never filed under since the task started, nor before (the store held no entry)
            }
            known = new HashMap<>();
            try (KeyValueIterator<String, Block.Filing> it = store.prefixScan(key + SEPARATOR, prefixes)) {
                while (it.hasNext()) {
                    var e = it.next();
                    known.put(e.key.substring(key.length() + 1), e.value);
                }
            }
            cached.put(key, known);
        }
        return Collections.unmodifiableMap(known);
    }

    void put(String key, String ref, Block.Filing filing) {
        store.put(entry(key, ref), filing);
        Map<String, Block.Filing> known = cached.get(key);
        if (known != null) {
            known.put(ref, filing);
        } else if (filed.put(key)) {
            // Certainly never filed under before (the filter changed): its only member is this one, no scan needed.
            Map<String, Block.Filing> only = new HashMap<>();
            only.put(ref, filing);
            cached.put(key, only);
        }
    }

    void delete(String key, String ref) {
        store.delete(entry(key, ref));
        Map<String, Block.Filing> known = cached.get(key);
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
