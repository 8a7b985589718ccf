package org.corridor.consumer.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Report;

/**
 * Files each routed version under its blocking keys (keyed by the alert's ref; every version of an alert is in one
 * partition of {@code alerts.routed}, in order): one {@link ShardOp} per shard, naming the keys there it enters and
 * the keys of its previous version it leaves. A version no newer than the latest filed is ignored (a copy, or one
 * that came late).
 */
final class VersionFiler implements Processor<String, Report, String, ShardOp> {

    static final String LATEST = "correlator-latest";

    private final MatchSettings settings;
    private final int shards;
    private final CorrelatorMetrics metrics;
    private ProcessorContext<String, ShardOp> context;
    private KeyValueStore<String, Latest> latest;

    VersionFiler(MatchSettings settings, int shards, CorrelatorMetrics metrics) {
        this.settings = settings;
        this.shards = shards;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, ShardOp> context) {
        this.context = context;
        this.latest = context.getStateStore(LATEST);
    }

    @Override
    public void process(Record<String, Report> record) {
        StageGuard.run("by-alert", record.key(), metrics, () -> handle(record));
    }

    private void handle(Record<String, Report> record) {
        String ref = record.key();
        Report report = record.value();
        if (ref == null || report == null) {
            return;  // Inputs passes on only reports keyed by their own ref
        }
        Latest now = latest.get(ref);
        if (now != null && report.version() <= now.version()) {
            return;  // an older version, or one already filed: nothing changes
        }
        metrics.routedVersion();
        Set<String> blocks = Blocks.of(report, settings);
        Set<String> left = new TreeSet<>(now == null ? Set.of() : now.blocks());
        left.removeAll(blocks);
        // One record per shard the version touches, the report in it once for all its keys there.
        Map<Integer, List<String>> entering = byShard(blocks);
        Map<Integer, List<String>> leaving = byShard(left);
        Set<Integer> touched = new TreeSet<>(entering.keySet());
        touched.addAll(leaving.keySet());
        for (int shard : touched) {
            context.forward(record.withKey(String.valueOf(shard)).withValue(new ShardOp(shard, report,
                    entering.getOrDefault(shard, List.of()), leaving.getOrDefault(shard, List.of()))));
        }
        latest.put(ref, new Latest(report.version(), blocks));
    }

    private Map<Integer, List<String>> byShard(Set<String> blocks) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (String block : blocks) {
            out.computeIfAbsent(Blocks.shard(block, shards), s -> new ArrayList<>()).add(block);
        }
        return out;
    }
}
