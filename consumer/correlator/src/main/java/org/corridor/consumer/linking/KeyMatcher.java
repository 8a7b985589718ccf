package org.corridor.consumer.linking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a version entering or leaving blocking keys of one shard with the other reports those keys (and their
 * neighbouring periods, {@link Blocks#compared}) hold, each other report once however many keys they share, and passes
 * each verdict on, keyed by the pair. A first version passes on only its links; a correction, a retraction or a version
 * leaving a key passes on every verdict, so the pair's earlier link can be withdrawn. A first version is therefore not
 * compared with the reports an event key holds whose footprint there ({@link Block.Filing}) rules an event link out
 * ({@link Matcher#mayLinkByEvent}): most of them, read neither from the store nor by the matcher.
 * <p>
 * State, per shard: a key's members are entries {@code <key>\0<ref>} holding when the report was filed and, under an
 * event key, its footprint (its day, route countries and amounts of the key's substance), and the report itself is
 * kept once per shard ({@code <shard>\0<ref>}, its latest version), so filing a version under many keys writes one
 * report and small entries. Reports filed more than {@code retention} ago are dropped; a key shared by
 * more than {@code maxPerKey} reports is suppressed (emptied, never compared again until its retention has passed,
 * counted and logged), so a common key cannot cause a storm of hits.
 */
final class KeyMatcher implements Processor<String, ShardOp, String, Verdict> {

    static final String MEMBERS = "correlator-key-members";
    static final String REPORTS = "correlator-shard-reports";
    static final String SUPPRESSED = "correlator-suppressed";
    private static final Logger log = LoggerFactory.getLogger(KeyMatcher.class);

    private final Matcher matcher;
    private final Duration retention;
    private final int maxPerKey;
    private final CorrelatorMetrics metrics;
    /** Keys whose members, and reports decoded, kept in memory per task (a few tens of MB at most). */
    private static final int CACHED_KEYS = 50_000;
    private static final int CACHED_REPORTS = 30_000;
    /** Keys the Bloom filter is sized for at least (about 1.2 MB per task at 1 % false positives). */
    private static final int EXPECTED_KEYS = 1_000_000;
    private ProcessorContext<String, Verdict> context;
    private KeyIndex members;
    private ReportCache reports;
    private KeyValueStore<String, Long> suppressed;
    /** The suppressed store in memory (a few keys): asked for every key compared, written through. */
    private Map<String, Long> suppressedNow;

    KeyMatcher(Matcher matcher, Duration retention, int maxPerKey, CorrelatorMetrics metrics) {
        this.matcher = matcher;
        this.retention = retention;
        this.maxPerKey = maxPerKey;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        // Called again when a task starts over (its stores restored to the last commit): nothing older is kept.
        this.members = new KeyIndex(context.getStateStore(MEMBERS), CACHED_KEYS, EXPECTED_KEYS);
        this.reports = new ReportCache(context.getStateStore(REPORTS), CACHED_REPORTS);
        this.suppressed = context.getStateStore(SUPPRESSED);
        this.suppressedNow = readAll(suppressed);
        // Keys nobody files under any more still hold their last reports: dropped once their retention has passed.
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::expireAll);
    }

    @Override
    public void process(Record<String, ShardOp> record) {
        StageGuard.run("by-shard", record.key(), metrics, () -> handle(record));
    }

    private void handle(Record<String, ShardOp> record) {
        ShardOp op = record.value();
        if (op == null) {
            return;
        }
        long now = record.timestamp();
        long expired = now - retention.toMillis();
        Report report = op.report();
        String ref = report.ref();
        // Reports of one agency are never linked (Matcher): its own are not even read.
        String ownAgency = report.agency() + "/";
        // A first version passes on only its links, so the reports it cannot be linked with by an event key are
        // passed over there unread; any other version is compared with every report, so an earlier link is undone.
        boolean everyVerdict = report.version() > 1 || report.retracted() || !op.leaving().isEmpty();
        Set<String> others = new LinkedHashSet<>();
        Map<String, Block.Filing> filed = new LinkedHashMap<>();
        // One footprint per substance, whatever the countries and periods of its keys (and one object for them all).
        Map<String, Footprint> footprints = new java.util.HashMap<>();
        for (String block : op.entering()) {
            if (isSuppressed(block, expired)) {
                continue;
            }
            String substance = Blocks.substance(block);
            Block.Filing mine = new Block.Filing(now, substance == null ? null
                    : footprints.computeIfAbsent(substance, x -> Footprint.of(report, x)));
            Set<String> under = new LinkedHashSet<>();
            Set<String> near = new LinkedHashSet<>();
            int size = scan(block, ref, ownAgency, expired, everyVerdict ? null : mine.footprint(), under, near);
            if (size + 1 > maxPerKey) {
                suppress(block, now);  // nothing said through it; its neighbours still speak for themselves
            } else {
                others.addAll(under);
                filed.put(block, mine);
            }
            others.addAll(near);
        }
        for (String block : op.leaving()) {
            if (!isSuppressed(block, expired)) {
                scan(block, ref, ownAgency, expired, null, others, others);
            }
            members.delete(block, ref);
        }
        for (String other : others) {
            Block.Member m = reports.get(op.shard(), other);
            if (m == null || m.at() < expired) {
                continue;
            }
            Matcher.Verdict v = matcher.verdict(report, m.report());
            if (v.link().isPresent() || everyVerdict) {
                Verdict verdict = Verdict.of(report, m.report(), v);
                context.forward(record.withKey(verdict.pair()).withValue(verdict));
            }
        }
        filed.forEach((block, filing) -> members.put(block, ref, filing));
        if (filed.isEmpty() && op.entering().isEmpty()) {
            reports.delete(op.shard(), ref);  // it left every key of this shard
        } else {
            reports.put(op.shard(), ref, new Block.Member(report, now));
        }
    }

    /**
     * Adds the other agencies' refs filed under {@code block} to {@code under} and those under its neighbouring
     * periods (not suppressed) to {@code near}, and drops entries past their retention. With a footprint, the reports
     * whose footprint there rules out an event link with it ({@link Matcher#mayLinkByEvent}) are left out (they are
     * still counted).
     *
     * @param mine the version's footprint under {@code block}, or null to leave out none
     * @return how many other reports, of any agency, {@code block} holds
     */
    private int scan(String block, String ref, String ownAgency, long expired, Footprint mine, Set<String> under,
                     Set<String> near) {
        int size = 0;
        for (String key : Blocks.compared(block)) {
            boolean same = key.equals(block);
            if (!same && isSuppressed(key, expired)) {
                continue;
            }
            List<String> stale = new ArrayList<>();
            for (Map.Entry<String, Block.Filing> e : members.members(key).entrySet()) {
                String other = e.getKey();
                Block.Filing theirs = e.getValue();
                if (theirs.at() < expired) {
                    stale.add(other);
                } else if (!other.equals(ref)) {
                    size += same ? 1 : 0;
                    if (!other.startsWith(ownAgency) && (mine == null || theirs.footprint() == null
                            || matcher.mayLinkByEvent(mine, theirs.footprint()))) {
                        (same ? under : near).add(other);
                    }
                }
            }
            stale.forEach(other -> members.delete(key, other));
        }
        return size;
    }

    private boolean isSuppressed(String block, long expired) {
        Long since = suppressedNow.get(block);
        if (since == null) {
            return false;
        }
        if (since >= expired) {
            return true;
        }
        suppressed.delete(block);
        suppressedNow.remove(block);
        return false;
    }

    /** Too common to say anything: no comparison through it any more, and no report is kept under it. */
    private void suppress(String block, long now) {
        metrics.suppressedKey();
        log.warn("correlator: key {} is shared by more than {} reports in {}; suppressed as too common", block, maxPerKey,
                retention);
        members.deleteAll(block);
        suppressed.put(block, now);
        suppressedNow.put(block, now);
    }

    private void expireAll(long wallClock) {
        long expired = wallClock - retention.toMillis();
        deleteWhere(context.getStateStore(MEMBERS), expired, Block.Filing::at);
        deleteWhere(context.getStateStore(REPORTS), expired, Block.Member::at);
        deleteWhere(suppressed, expired, Long::longValue);
        members.forget();
        reports.forget();
        suppressedNow = readAll(suppressed);
    }

    private static Map<String, Long> readAll(KeyValueStore<String, Long> store) {
        Map<String, Long> all = new java.util.HashMap<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(e -> all.put(e.key, e.value));
        }
        return all;
    }

    private static <V> void deleteWhere(KeyValueStore<String, V> store, long expired, java.util.function.ToLongFunction<V> at) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                var e = it.next();
                if (at.applyAsLong(e.value) < expired) {
                    stale.add(e.key);
                }
            }
        }
        stale.forEach(store::delete);
    }
}
