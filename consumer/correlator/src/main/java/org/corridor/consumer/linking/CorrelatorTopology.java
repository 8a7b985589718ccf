package org.corridor.consumer.linking;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.topics.Topics;

/**
 * The correlator's topology, in three stages, the later two behind repartition topics:
 * <ol>
 * <li>{@code by-alert}: the routed versions ({@code alerts.routed}, each alert version with the router's decision,
 * keyed by the alert's ref) filed under their blocking keys ({@link VersionFiler}, {@link Blocks});</li>
 * <li>{@code by-shard}: the blocking keys grouped in {@code shards} (one partition each); each key's reports, and its
 * neighbouring periods', compared with the one entering or leaving it ({@link KeyMatcher});</li>
 * <li>{@code by-pair}: each pair's verdicts turned into hits and withdrawals ({@link PairDecider}) on
 * {@code alerts.correlations}, and each party's share of them ({@link PartyCopies}) on its own links topic
 * ({@code alerts.links.body-<slug>}, {@code alerts.links.agency-<id>}).</li>
 * </ol>
 * Every store is a persistent (RocksDB) store with a changelog; with exactly-once v2 each input record's effects on
 * the stores, the repartition topics and the output commit together.
 */
public final class CorrelatorTopology {

    /**
     * @param settings  the matcher's window, tolerance and threshold
     * @param retention how long a report stays filed under its keys (it can be linked to reports routed that long after)
     * @param maxPerKey how many reports may share a key before it is suppressed as too common
     * @param shards    shards of the blocking keys, each a partition of the by-shard stage (changing it needs a reset of
     *                  the correlator's state, as a repartition topic's partition count always does)
     */
    public record Settings(MatchSettings settings, Duration retention, int maxPerKey, int shards) {

        /** With {@link #DEFAULT_SHARDS} shards. */
        public Settings(MatchSettings settings, Duration retention, int maxPerKey) {
            this(settings, retention, maxPerKey, DEFAULT_SHARDS);
        }

        public Settings {
            if (shards < 1) {
                throw new IllegalArgumentException("shards must be at least 1, not " + shards);
            }
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, not " + retention);
            }
            if (maxPerKey < 2) {
                throw new IllegalArgumentException("maxPerKey must be at least 2, not " + maxPerKey);
            }
        }
    }

    /** Shards of the by-shard stage (and partitions of its repartition topic) unless configured. */
    public static final int DEFAULT_SHARDS = 3;

    private CorrelatorTopology() {
    }

    private static <T> Serde<T> writeOnly(Serializer<T> serializer) {
        return Serdes.serdeFrom(serializer, (topic, bytes) -> {
            throw new UnsupportedOperationException("the correlator only writes " + topic);
        });
    }

    public static Topology build(Settings s, Deserializer<RoutedVersion> routed, Serializer<CorrelationHit> hits,
                                 Serializer<CorrelationNotice> notices, Disclosure disclosure, CorrelatorMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<ShardOp> ops = Codec.SHARD_OP;
        Serde<Verdict> verdicts = Codec.VERDICT;
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VersionFiler.LATEST), keys,
                Codec.LATEST));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KeyMatcher.MEMBERS), keys,
                Codec.FILING));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KeyMatcher.REPORTS), keys,
                Codec.MEMBER));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KeyMatcher.SUPPRESSED), keys,
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PairDecider.PAIRS), keys,
                Json.serde(PairState.class)));

        // The router keys each routed version by its ref: every version of an alert arrives in one task, in order.
        KStream<String, Inputs.Read> read = builder.stream(Topics.ROUTED_VERSIONS, Consumed.with(keys, Serdes.ByteArray())
                        .withName("routed-versions"))
                .process(() -> Inputs.routed(routed, metrics));
        // A record it cannot read is dead-lettered with its bytes and why, beside its summary, in the same transaction.
        KStream<String, Inputs.Read> dead = read.filter((ref, r) -> r.report() == null, Named.as("unreadable"));
        dead.mapValues(Inputs.Read::unreadable, Named.as("unreadable-bytes"))
                .to(Topics.DEAD_LETTERS, Produced.with(keys, Serdes.ByteArray()).withName("dead-letters"));
        dead.process(DeadLetterSummaries::new, Named.as("dead-letter-summaries"))
                .to(Topics.DEAD_LETTER_SUMMARY, Produced.with(keys, Serdes.ByteArray()).withName("dead-letter-summary"));
        KStream<String, CorrelationHit> decided = read.filter((ref, r) -> r.report() != null, Named.as("readable"))
                .mapValues(Inputs.Read::report, Named.as("reports"))
                .process(() -> new VersionFiler(s.settings(), s.shards(), metrics), VersionFiler.LATEST)
                // Shard n is partition n: one record per version and shard, each shard's keys and reports in one task.
                .repartition(Repartitioned.with(keys, ops).withName("by-shard").withNumberOfPartitions(s.shards())
                        .withStreamPartitioner((topic, key, op, partitions) -> Optional.of(Set.of(op.shard() % partitions))))
                .process(() -> new KeyMatcher(new Matcher(s.settings()), s.retention(), s.maxPerKey(), metrics), KeyMatcher.MEMBERS,
                        KeyMatcher.REPORTS, KeyMatcher.SUPPRESSED)
                .repartition(Repartitioned.with(keys, verdicts).withName("by-pair"))
                .process(() -> new PairDecider(disclosure, metrics), PairDecider.PAIRS);
        Serde<CorrelationHit> hitSerde = writeOnly(hits);
        decided.to(Topics.CORRELATIONS, Produced.with(keys, hitSerde).withName("correlations"));
        decided.flatMap((pair, hit) -> PartyCopies.forBodies(hit), Named.as("body-copies"))
                .to((pair, copy, context) -> Topics.bodyLinks(copy.getHitTo().get(0)),
                        Produced.with(keys, hitSerde).withName("body-links"));
        decided.flatMap((pair, hit) -> PartyCopies.forAgencies(hit), Named.as("blind-notices"))
                .to((ref, notice, context) -> Topics.agencyLinks(notice.getAgency()),
                        Produced.with(keys, writeOnly(notices)).withName("agency-links"));
        return builder.build();
    }
}
