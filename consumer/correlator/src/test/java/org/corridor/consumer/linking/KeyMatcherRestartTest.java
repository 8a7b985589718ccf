package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.corridor.consumer.correlation.GroundTruth;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.junit.jupiter.api.Test;

/**
 * What the key matcher keeps in memory (keys' members, decoded reports, the Bloom filter of keys, suppressed keys) is
 * built again from its stores whenever a task starts: a key matcher started again on its stores, every 37 versions,
 * says exactly what one that never stopped says, over a seeded ground truth with corrections that move reports to
 * other keys and a limit low enough to suppress keys.
 */
class KeyMatcherRestartTest {

    private static final int SHARDS = 3;
    private static final int MAX_PER_KEY = 6;

    @Test
    void aMatcherStartedAgainOnItsStoresSaysWhatOneThatNeverStoppedSays() {
        List<ShardOp> ops = shardOps();
        assertThat(ops).hasSizeGreaterThan(1_000);
        List<String> steady = run(ops, Integer.MAX_VALUE);
        List<String> restarted = run(ops, 37);
        assertThat(steady.stream().filter(v -> v.endsWith("EVENT") || v.endsWith("EXACT")).count()).as("links found").isGreaterThan(50);
        // The same verdicts; within one version's comparisons their order follows the members' hash maps, which a
        // map built at once and one grown and shrunk over time iterate differently.
        assertThat(restarted).containsExactlyInAnyOrderElementsOf(steady);
    }

    /** Every verdict the matchers pass on, in order, as {@code <pair> <kind or none>}. */
    private static List<String> run(List<ShardOp> ops, int restartEvery) {
        List<KeyValueStore<String, ?>> stores = new ArrayList<>();
        KeyValueStore<String, Block.Member> reports = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(KeyMatcher.REPORTS), Serdes.String(), Codec.MEMBER).withLoggingDisabled().build();
        KeyValueStore<String, Long> suppressed = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(KeyMatcher.SUPPRESSED), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        KeyValueStore<String, Block.Filing> members = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(KeyMatcher.MEMBERS), Serdes.String(), Codec.FILING).withLoggingDisabled().build();
        stores.add(reports);
        stores.add(suppressed);
        stores.add(members);
        List<String> said = new ArrayList<>();
        MockProcessorContext<String, Verdict> context = null;
        KeyMatcher matcher = null;
        for (int i = 0; i < ops.size(); i++) {
            if (matcher == null || i % restartEvery == 0) {
                if (context != null) {
                    context.forwarded().forEach(f -> said.add(describe(f.record().value())));
                }
                context = new MockProcessorContext<>();
                for (KeyValueStore<String, ?> store : stores) {
                    if (i == 0) {
                        store.init(context.getStateStoreContext(), store);
                    }
                    context.addStateStore(store);
                }
                matcher = new KeyMatcher(new Matcher(MatchSettings.DEFAULTS), Duration.ofDays(90), MAX_PER_KEY,
                        new CorrelatorMetrics(new SimpleMeterRegistry()));
                matcher.init(context);
            }
            ShardOp op = ops.get(i);
            matcher.process(new Record<>(String.valueOf(op.shard()), op, 1_000L * i));
        }
        context.forwarded().forEach(f -> said.add(describe(f.record().value())));
        return said;
    }

    private static String describe(Verdict v) {
        return v.pair() + " " + v.a().version() + "/" + v.b().version() + " " + (v.kind() == null ? "none" : v.kind().name());
    }

    /** The ground truth's versions filed as the by-alert stage files them, then a correction of every fifth report. */
    private static List<ShardOp> shardOps() {
        List<Report> versions = new ArrayList<>(GroundTruth.generate(2207, 300).reports());
        List<Report> first = List.copyOf(versions);
        for (int i = 0; i < first.size(); i += 5) {
            Report r = first.get(i);
            versions.add(new Report(r.agency(), r.agencyCountry(), r.alertId(), r.version() + 1, r.retracted(),
                    r.occurredOn().plusDays(i % 2 == 0 ? 3 : 40), r.substances(), r.countries(), r.keys(), r.released()));
        }
        MockProcessorContext<String, ShardOp> context = new MockProcessorContext<>();
        KeyValueStore<String, Latest> latest = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VersionFiler.LATEST),
                Serdes.String(), Codec.LATEST).withLoggingDisabled().build();
        latest.init(context.getStateStoreContext(), latest);
        context.addStateStore(latest);
        VersionFiler filer = new VersionFiler(MatchSettings.DEFAULTS, SHARDS, new CorrelatorMetrics(new SimpleMeterRegistry()));
        filer.init(context);
        for (Report r : versions) {
            filer.process(new Record<>(r.ref(), r, 0L));
        }
        List<ShardOp> ops = new ArrayList<>();
        context.forwarded().forEach(f -> ops.add(f.record().value()));
        return ops;
    }
}
