package org.corridor.consumer.linking;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Report;

/**
 * Joins each alert version's facts with the router's decision on it (keyed by the alert's ref, in whichever order they
 * come, however late) and files the routed version under its blocking keys: one {@link ShardOp} per shard, naming the
 * keys there it enters and the keys of its previous version it leaves. Versions older than the latest routed one are ignored; halves whose
 * other half never comes (an alert the router dead-lettered) are forgotten after {@code halfLife}.
 */
final class VersionJoiner implements Processor<String, Side, String, ShardOp> {

    static final String HALVES = "correlator-halves";
    static final String LATEST = "correlator-latest";

    private final MatchSettings settings;
    private final int shards;
    private final Duration halfLife;
    private final CorrelatorMetrics metrics;
    private ProcessorContext<String, ShardOp> context;
    private KeyValueStore<String, Side> halves;
    private KeyValueStore<String, Latest> latest;

    VersionJoiner(MatchSettings settings, int shards, Duration halfLife, CorrelatorMetrics metrics) {
        this.settings = settings;
        this.shards = shards;
        this.halfLife = halfLife;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ShardOp> context) {
        this.context = context;
        this.halves = context.getStateStore(HALVES);
        this.latest = context.getStateStore(LATEST);
        context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, this::forgetStaleHalves);
    }

    @Override
    public void process(Record<String, Side> record) {
        try {
            handle(record);
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
            throw e;  // Kafka Streams' own (a fenced producer, a store that failed): it restarts the task
        } catch (RuntimeException e) {
            // One record this stage cannot take must not stop every other: skipped, counted and logged.
            metrics.failed("by-alert");
            org.slf4j.LoggerFactory.getLogger(getClass()).warn("correlator: {} skipped the record of key {}: {}", "by-alert",
                    record.key(), e.toString());
        }
    }

    private void handle(Record<String, Side> record) {
        String ref = record.key();
        Side side = record.value();
        if (ref == null || side == null) {
            return;
        }
        Latest now = latest.get(ref);
        if (now != null && side.version() <= now.version()) {
            return;  // an older version, or one already routed: nothing changes
        }
        String halfKey = ref + "#" + side.version();
        Side other = halves.get(halfKey);
        Side joined = other == null ? side : side.with(other);
        if (!joined.complete()) {
            halves.put(halfKey, joined);
            return;
        }
        halves.delete(halfKey);
        Report report = joined.report();
        if (!report.ref().equals(ref)) {
            return;  // the facts name another alert than the key: never filed
        }
        metrics.routedVersion();
        Set<String> blocks = Blocks.of(report, settings);
        Set<String> left = new TreeSet<>(now == null ? Set.of() : now.blocks());
        left.removeAll(blocks);
        // One record per shard the version touches, the report in it once for all its keys there.
        java.util.Map<Integer, java.util.List<String>> entering = byShard(blocks);
        java.util.Map<Integer, java.util.List<String>> leaving = byShard(left);
        Set<Integer> touched = new TreeSet<>(entering.keySet());
        touched.addAll(leaving.keySet());
        for (int shard : touched) {
            context.forward(record.withKey(String.valueOf(shard)).withValue(new ShardOp(shard, report,
                    entering.getOrDefault(shard, java.util.List.of()), leaving.getOrDefault(shard, java.util.List.of()))));
        }
        latest.put(ref, new Latest(report.version(), blocks));
    }

    private java.util.Map<Integer, java.util.List<String>> byShard(Set<String> blocks) {
        java.util.Map<Integer, java.util.List<String>> out = new java.util.TreeMap<>();
        for (String block : blocks) {
            out.computeIfAbsent(Blocks.shard(block, shards), s -> new java.util.ArrayList<>()).add(block);
        }
        return out;
    }

    private void forgetStaleHalves(long wallClock) {
        long before = wallClock - halfLife.toMillis();
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Side> all = halves.all()) {
            while (all.hasNext()) {
                var e = all.next();
                if (e.value.at() < before) {
                    stale.add(e.key);
                }
            }
        }
        stale.forEach(halves::delete);
    }
}
