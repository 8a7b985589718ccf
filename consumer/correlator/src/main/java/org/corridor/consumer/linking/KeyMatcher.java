package org.corridor.consumer.linking;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a version entering or leaving a blocking key with the key's other reports and passes each verdict on, keyed
 * by the pair. A first version passes on only its links; a correction, a retraction or a version leaving a key passes
 * on every verdict, so the pair's earlier link can be withdrawn. Reports filed more than {@code retention} ago are
 * dropped; a key shared by more than {@code maxPerKey} reports is suppressed (emptied, never compared again, counted
 * and logged), so a common key cannot cause a storm of hits.
 */
final class KeyMatcher implements Processor<String, BlockOp, String, Verdict> {

    static final String BLOCKS = "correlator-blocks";
    private static final Logger log = LoggerFactory.getLogger(KeyMatcher.class);

    private final Matcher matcher;
    private final Duration retention;
    private final int maxPerKey;
    private final CorrelatorMetrics metrics;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, Block> blocks;

    KeyMatcher(Matcher matcher, Duration retention, int maxPerKey, CorrelatorMetrics metrics) {
        this.matcher = matcher;
        this.retention = retention;
        this.maxPerKey = maxPerKey;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.blocks = context.getStateStore(BLOCKS);
        // Keys nobody files under any more still hold their last reports: dropped once their retention has passed.
        context.schedule(Duration.ofHours(1), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                this::expireAll);
    }

    private void expireAll(long wallClock) {
        long expired = wallClock - retention.toMillis();
        java.util.List<String> empty = new java.util.ArrayList<>();
        java.util.Map<String, Block> shrunk = new java.util.HashMap<>();
        try (var all = blocks.all()) {
            while (all.hasNext()) {
                var e = all.next();
                Block left = e.value.expire(expired);
                if (!left.suppressed() && left.members().isEmpty()) {
                    empty.add(e.key);
                } else if (left.members().size() != e.value.members().size()) {
                    shrunk.put(e.key, left);
                }
            }
        }
        empty.forEach(blocks::delete);
        shrunk.forEach(blocks::put);
    }

    @Override
    public void process(Record<String, BlockOp> record) {
        BlockOp op = record.value();
        if (op == null || record.key() == null) {
            return;
        }
        long expired = record.timestamp() - retention.toMillis();
        Block stored = blocks.get(record.key());
        Block block = stored == null ? Block.EMPTY : stored.expire(expired);
        if (block.suppressed()) {
            return;
        }
        Report report = op.report();
        Map<String, Block.Member> members = new TreeMap<>(block.members());
        members.remove(report.ref());
        if (op.member() && members.size() + 1 > maxPerKey) {
            // Too common to say anything: no comparison, no hit, and no report is kept under it any more.
            metrics.suppressedKey();
            log.warn("correlator: key {} is shared by more than {} reports in {}; suppressed as too common", record.key(),
                    maxPerKey, retention);
            blocks.put(record.key(), new Block(Map.of(), true, record.timestamp()));
            return;
        }
        boolean everyVerdict = report.version() > 1 || report.retracted() || !op.member();
        for (Block.Member other : members.values()) {
            Matcher.Verdict v = matcher.verdict(report, other.report());
            if (v.link().isPresent() || everyVerdict) {
                Verdict verdict = Verdict.of(report, other.report(), v);
                context.forward(record.withKey(verdict.pair()).withValue(verdict));
            }
        }
        if (op.member()) {
            members.put(report.ref(), new Block.Member(report, record.timestamp()));
        }
        if (members.isEmpty()) {
            blocks.delete(record.key());
        } else {
            blocks.put(record.key(), new Block(members, false, 0));
        }
    }
}
