package org.corridor.consumer.linking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a version entering or leaving a blocking key with the key's other reports and passes each verdict on, keyed
 * by the pair. A first version passes on only its links; a correction, a retraction or a version leaving a key passes
 * on every verdict, so the pair's earlier link can be withdrawn. Each report is its own entry
 * ({@code <key>\0<ref>}), so filing one writes one small record, whatever the key holds. Reports filed more than
 * {@code retention} ago are dropped; a key shared by more than {@code maxPerKey} reports is suppressed (emptied, never
 * compared again until its retention has passed, counted and logged), so a common key cannot cause a storm of hits.
 */
final class KeyMatcher implements Processor<String, BlockOp, String, Verdict> {

    static final String MEMBERS = "correlator-members";
    static final String SUPPRESSED = "correlator-suppressed";
    private static final char SEPARATOR = '\u0000';
    private static final Logger log = LoggerFactory.getLogger(KeyMatcher.class);

    private final Matcher matcher;
    private final Duration retention;
    private final int maxPerKey;
    private final CorrelatorMetrics metrics;
    private final StringSerializer prefixes = new StringSerializer();
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, Block.Member> members;
    private KeyValueStore<String, Long> suppressed;

    KeyMatcher(Matcher matcher, Duration retention, int maxPerKey, CorrelatorMetrics metrics) {
        this.matcher = matcher;
        this.retention = retention;
        this.maxPerKey = maxPerKey;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS);
        this.suppressed = context.getStateStore(SUPPRESSED);
        // Keys nobody files under any more still hold their last reports: dropped once their retention has passed.
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::expireAll);
    }

    @Override
    public void process(Record<String, BlockOp> record) {
        try {
            handle(record);
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
            throw e;  // Kafka Streams' own (a fenced producer, a store that failed): it restarts the task
        } catch (RuntimeException e) {
            // One record this stage cannot take must not stop every other: skipped, counted and logged.
            metrics.failed("by-key");
            org.slf4j.LoggerFactory.getLogger(getClass()).warn("correlator: {} skipped the record of key {}: {}", "by-key",
                    record.key(), e.toString());
        }
    }

    private void handle(Record<String, BlockOp> record) {
        BlockOp op = record.value();
        String block = record.key();
        if (op == null || block == null) {
            return;
        }
        long expired = record.timestamp() - retention.toMillis();
        Long since = suppressed.get(block);
        if (since != null) {
            if (since >= expired) {
                return;
            }
            suppressed.delete(block);
        }
        Report report = op.report();
        String own = block + SEPARATOR + report.ref();
        List<Block.Member> others = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> all = new ArrayList<>();
        try (KeyValueIterator<String, Block.Member> it = members.prefixScan(block + SEPARATOR, prefixes)) {
            while (it.hasNext()) {
                var e = it.next();
                all.add(e.key);
                if (e.value.at() < expired) {
                    stale.add(e.key);
                } else if (!e.key.equals(own)) {
                    others.add(e.value);
                }
            }
        }
        stale.forEach(members::delete);
        if (op.member() && others.size() + 1 > maxPerKey) {
            // Too common to say anything: no comparison, no hit, and no report is kept under it any more.
            metrics.suppressedKey();
            log.warn("correlator: key {} is shared by more than {} reports in {}; suppressed as too common", block,
                    maxPerKey, retention);
            all.forEach(members::delete);
            suppressed.put(block, record.timestamp());
            return;
        }
        boolean everyVerdict = report.version() > 1 || report.retracted() || !op.member();
        for (Block.Member other : others) {
            Matcher.Verdict v = matcher.verdict(report, other.report());
            if (v.link().isPresent() || everyVerdict) {
                Verdict verdict = Verdict.of(report, other.report(), v);
                context.forward(record.withKey(verdict.pair()).withValue(verdict));
            }
        }
        if (op.member()) {
            members.put(own, new Block.Member(report, record.timestamp()));
        } else {
            members.delete(own);
        }
    }

    private void expireAll(long wallClock) {
        long expired = wallClock - retention.toMillis();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Block.Member> it = members.all()) {
            while (it.hasNext()) {
                var e = it.next();
                if (e.value.at() < expired) {
                    stale.add(e.key);
                }
            }
        }
        stale.forEach(members::delete);
        List<String> lifted = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = suppressed.all()) {
            while (it.hasNext()) {
                var e = it.next();
                if (e.value < expired) {
                    lifted.add(e.key);
                }
            }
        }
        lifted.forEach(suppressed::delete);
    }
}
