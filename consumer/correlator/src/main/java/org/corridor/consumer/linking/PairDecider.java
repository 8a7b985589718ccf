package org.corridor.consumer.linking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.avro.BlindNotice;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationKind;
import org.corridor.schemas.avro.CorrelationStatus;
import org.corridor.schemas.avro.LinkedAlert;

/**
 * Decides, per pair, what the verdicts mean: a new link ({@code LINKED}), a link that changed or reaches other parties
 * ({@code UPDATED}), or one undone by a correction or retraction ({@code WITHDRAWN}, to exactly those told before). A
 * pair is told once however many keys it shares; a verdict about versions older than the pair's last is ignored. Who
 * learns of a link is {@link Disclosure}'s decision, on the day of the verdict; a party an update leaves out is told
 * the link is withdrawn for it.
 */
final class PairDecider implements Processor<String, Verdict, String, CorrelationHit> {

    static final String PAIRS = "correlator-pairs";

    private final Disclosure disclosure;
    private final CorrelatorMetrics metrics;
    private ProcessorContext<String, CorrelationHit> context;
    private KeyValueStore<String, PairState> pairs;

    PairDecider(Disclosure disclosure, CorrelatorMetrics metrics) {
        this.disclosure = disclosure;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CorrelationHit> context) {
        this.context = context;
        this.pairs = context.getStateStore(PAIRS);
    }

    @Override
    public void process(Record<String, Verdict> record) {
        StageGuard.run("by-pair", record.key(), metrics, () -> handle(record));
    }

    private void handle(Record<String, Verdict> record) {
        Verdict v = record.value();
        if (v == null || !v.pair().equals(record.key())) {
            return;
        }
        PairState before = pairs.get(v.pair());
        if (before != null && (v.a().version() < before.versionA() || v.b().version() < before.versionB())) {
            return;  // about a version the pair has moved past
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (!v.linked()) {
            if (before != null && before.linked()) {
                // Kept as unlinked at these versions, so a late verdict about the older ones cannot link it again.
                pairs.put(v.pair(), PairState.unlinked(v.a().version(), v.b().version()));
                metrics.hit("WITHDRAWN", before.kind());
                context.forward(record.withValue(hit(v, CorrelationStatus.WITHDRAWN, null, 0, List.of(), before.hitTo(),
                        before.notices(), List.of(), v.reason(), at)));
            }
            return;
        }
        LocalDate on = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Disclosure.Plan plan = disclosure.of(v.a(), v.b(), on);
        List<PairState.NoticeTo> notices = new ArrayList<>();
        for (Disclosure.Notice n : plan.notices()) {
            notices.add(new PairState.NoticeTo(n.agency(), n.alert(), List.copyOf(n.askThrough())));
        }
        PairState now = new PairState(v.a().version(), v.b().version(), v.kind().name(), v.score(), v.keys(),
                List.copyOf(plan.hitTo()), notices);
        if (now.equals(before)) {
            return;  // the same link at the same versions, told and stored already (another shard that holds the pair)
        }
        pairs.put(v.pair(), now);
        if (before != null && before.linked() && !before.differs(now)) {
            return;  // the same link, told already (a version that changed nothing of it)
        }
        CorrelationStatus status = before == null || !before.linked() ? CorrelationStatus.LINKED : CorrelationStatus.UPDATED;
        if (status == CorrelationStatus.UPDATED) {
            withdrawFromThoseLeft(record, v, before, now, at);
        }
        metrics.hit(status.name(), now.kind());
        metrics.notices(notices.size(), plan.withheld());
        context.forward(record.withValue(hit(v, status, CorrelationKind.valueOf(now.kind()), now.score(), now.keys(),
                now.hitTo(), notices, plan.withheld(), null, at)));
    }

    /**
     * A correction that changed who may learn of the link (a body no longer received both versions, or the other
     * alert's markings no longer allow an originator's notice): the parties told before and not now are told it is
     * withdrawn, for them, before the update goes to the others; so no party keeps a link it may no longer hold.
     */
    private void withdrawFromThoseLeft(Record<String, Verdict> record, Verdict v, PairState before, PairState now, Instant at) {
        List<String> bodies = new ArrayList<>(before.hitTo());
        bodies.removeAll(now.hitTo());
        java.util.Set<String> stillTold = new java.util.HashSet<>();
        now.notices().forEach(n -> stillTold.add(n.agency()));
        List<PairState.NoticeTo> notices = before.notices().stream().filter(n -> !stillTold.contains(n.agency())).toList();
        if (bodies.isEmpty() && notices.isEmpty()) {
            return;
        }
        metrics.hit("WITHDRAWN", before.kind());
        context.forward(record.withValue(hit(v, CorrelationStatus.WITHDRAWN, null, 0, List.of(), bodies, notices, List.of(),
                "a correction changed who may learn of the link: no longer told to these parties", at)));
    }

    private static CorrelationHit hit(Verdict v, CorrelationStatus status, CorrelationKind kind, double score,
                                      List<String> keys, List<String> hitTo, List<PairState.NoticeTo> notices,
                                      List<String> withheld, String reason, Instant at) {
        List<BlindNotice> told = new ArrayList<>();
        for (PairState.NoticeTo n : notices) {
            told.add(new BlindNotice(n.agency(), n.alert(), new ArrayList<>(n.askThrough())));
        }
        return CorrelationHit.newBuilder()
                .setPair(v.pair())
                .setA(side(v.a()))
                .setB(side(v.b()))
                .setStatus(status)
                .setKind(kind)
                .setScore(score)
                .setKeys(new ArrayList<>(keys))
                .setHitTo(new ArrayList<>(hitTo))
                .setNotices(told)
                .setWithheld(new ArrayList<>(withheld))
                .setReason(reason)
                .setDecidedAt(at)
                .build();
    }

    private static LinkedAlert side(Report r) {
        return new LinkedAlert(r.agency(), r.alertId(), r.version());
    }
}
