package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.GroundTruth;
import org.corridor.consumer.correlation.Quantities;
import org.corridor.consumer.correlation.Report;
import org.junit.jupiter.api.Test;

/**
 * The key matcher's memory of its stores never disagrees with them: after any sequence of writes, with caches far
 * smaller than the data (so entries are evicted and read again) and a Bloom filter of the keys far smaller than the
 * keys (so it answers "maybe" for keys never filed under), every read answers what the store holds; so does an index
 * built again on a store that already holds entries, as when a task starts again.
 */
class StoreCachesTest {

    private static <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    @Test
    void aKeysMembersAreWhatTheStoreHoldsWhateverWasEvicted() {
        KeyValueStore<String, Block.Filing> store = store("members", Codec.FILING);
        KeyIndex index = new KeyIndex(store, 3, 2);
        Map<String, Map<String, Block.Filing>> truth = new TreeMap<>();
        Random r = new Random(22);
        List<String> keys = new java.util.ArrayList<>(List.of("id:a", "id:b", "event:x:TJ:1", "event:x:TJ:2", "event:x:KZ:1", "id:c", "id:d"));
        for (int k = 0; k < 40; k++) {
            keys.add("id:only-once-" + k);
        }
        int filedUnder = 7;  // the first keys are filed under; the others only asked for, until they are filed under too
        for (int i = 0; i < 8_000; i++) {
            String key = keys.get(r.nextInt(filedUnder));
            if (r.nextInt(4) == 0) {
                String asked = keys.get(r.nextInt(keys.size()));
                assertThat(index.members(asked)).as("step %d, %s", i, asked).isEqualTo(truth.getOrDefault(asked, Map.of()));
            }
            if (i % 200 == 199 && filedUnder < keys.size()) {
                filedUnder++;
            }
            String ref = "agency-" + r.nextInt(3) + "/" + r.nextInt(20);
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> {
                    // An event key's entries carry a footprint, an identifier's do not.
                    Block.Filing filing = new Block.Filing(i, key.startsWith("event:") ? new Footprint(i % 30,
                            List.of("TJ", "AF"), java.util.Arrays.asList(null, new Quantities.Measure(Quantities.Dimension.MASS, i)))
                            : null);
                    index.put(key, ref, filing);
                    truth.computeIfAbsent(key, k -> new TreeMap<>()).put(ref, filing);
                }
                case 3 -> {
                    index.delete(key, ref);
                    truth.computeIfAbsent(key, k -> new TreeMap<>()).remove(ref);
                }
                case 4 -> {
                    if (r.nextInt(20) == 0) {
                        index.deleteAll(key);
                        truth.remove(key);
                    }
                }
                default -> assertThat(index.members(key)).as("step %d, %s", i, key)
                        .isEqualTo(truth.getOrDefault(key, Map.of()));
            }
            if (r.nextInt(500) == 0) {
                index.forget();
            }
            if (r.nextInt(700) == 0) {
                index = new KeyIndex(store, 3, 2);  // the task starts again on the store as it is
            }
        }
        for (String key : keys) {
            assertThat(index.members(key)).isEqualTo(truth.getOrDefault(key, Map.of()));
            assertThat(scan(store, key)).as("the store itself, %s", key).isEqualTo(truth.getOrDefault(key, Map.of()));
        }
    }

    @Test
    void aReportIsWhatTheStoreHoldsWhateverWasEvicted() {
        KeyValueStore<String, Block.Member> store = store("reports", Codec.MEMBER);
        ReportCache cache = new ReportCache(store, 4);
        List<Report> reports = GroundTruth.generate(2206, 40).reports();
        Map<String, Block.Member> truth = new TreeMap<>();
        Random r = new Random(23);
        for (int i = 0; i < 3_000; i++) {
            int shard = r.nextInt(2);
            String ref = "ref-" + r.nextInt(12);
            String key = ReportCache.storeKey(shard, ref);
            switch (r.nextInt(4)) {
                case 0 -> {
                    Block.Member m = new Block.Member(reports.get(r.nextInt(reports.size())), i);
                    cache.put(shard, ref, m);
                    truth.put(key, m);
                }
                case 1 -> {
                    cache.delete(shard, ref);
                    truth.remove(key);
                }
                default -> assertThat(cache.get(shard, ref)).as("step %d, %s", i, key).isEqualTo(truth.get(key));
            }
            if (r.nextInt(300) == 0) {
                cache.forget();
            }
        }
        assertThat(ReportCache.storeKey(2, "tj-drug-control/x")).isEqualTo("2\u0000tj-drug-control/x");
        for (Map.Entry<String, Block.Member> e : truth.entrySet()) {
            assertThat(store.get(e.getKey())).isEqualTo(e.getValue());
        }
        try (KeyValueIterator<String, Block.Member> all = store.all()) {
            all.forEachRemaining(e -> assertThat(truth).as("the store holds only what was put, %s", e.key).containsKey(e.key));
        }
    }

    private static Map<String, Block.Filing> scan(KeyValueStore<String, Block.Filing> store, String key) {
        Map<String, Block.Filing> found = new TreeMap<>();
        try (KeyValueIterator<String, Block.Filing> it = store.prefixScan(key + "\u0000", new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(e -> found.put(e.key.substring(key.length() + 1), e.value));
        }
        return found;
    }
}
