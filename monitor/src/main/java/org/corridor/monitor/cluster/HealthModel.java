package org.corridor.monitor.cluster;

import org.corridor.schemas.topics.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;
import org.corridor.monitor.cluster.HealthReport.BodyState;
import org.corridor.monitor.cluster.HealthReport.DeadLetters;
import org.corridor.monitor.cluster.HealthReport.GroupHealth;
import org.corridor.monitor.cluster.HealthReport.PartitionLag;
import org.corridor.monitor.cluster.HealthReport.TopicHealth;
import org.corridor.monitor.lag.GroupStatus;
import org.corridor.monitor.lag.LagEvaluator;
import org.corridor.monitor.lag.OffsetSample;
import org.corridor.monitor.lag.TimeLag;
import org.corridor.monitor.lag.Verdict;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.reference.RecipientBody;
import org.corridor.schemas.topics.Topics;

/**
 * Turns each round's snapshot, the offset history, the dead-letter and receipt tallies and the scraped latencies into
 * a {@link HealthReport}. Called by one sampler thread.
 */
public final class HealthModel {

    private final SampleHistory history;
    private final LagEvaluator evaluator;
    private final DeadLetterTally deadLetters;
    private final DeliveryTally deliveries;
    private final List<RecipientBody> bodies;
    private final InboxTally inboxes;
    private final Deque<Map.Entry<Instant, Long>> deadLetterTotals = new ArrayDeque<>();

    public HealthModel(LagEvaluator evaluator, DeadLetterTally deadLetters, DeliveryTally deliveries,
                       List<RecipientBody> bodies) {
        this(evaluator, deadLetters, deliveries, new InboxTally(), bodies);
    }

    public HealthModel(LagEvaluator evaluator, DeadLetterTally deadLetters, DeliveryTally deliveries, InboxTally inboxes,
                       List<RecipientBody> bodies) {
        this.inboxes = inboxes;
        this.evaluator = evaluator;
        this.history = new SampleHistory(evaluator.window().multipliedBy(3));
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
        this.bodies = List.copyOf(bodies);
    }

    public HealthReport build(ClusterSnapshot snapshot, LatencyScraper.Result latency) {
        history.add(snapshot);
        Instant now = snapshot.at();
        Instant windowStart = now.minus(evaluator.window());
        List<TopicHealth> topics = topics(snapshot, windowStart);
        List<GroupHealth> groups = new ArrayList<>();
        snapshot.groups().forEach((id, g) -> groups.add(group(id, g, snapshot, now, windowStart)));
        groups.sort(Comparator.comparing(GroupHealth::group));
        long parked = topics.stream().filter(t -> t.kind().equals("parked")).mapToLong(TopicHealth::records).sum();
        return new HealthReport(now, evaluator.window().toSeconds(), topics, groups,
                deadLetters(now, windowStart, parked), bodies(topics, groups, latency.latencies()), latency.latencies(),
                returnChannel(latency.threads(), inboxes, bodies.stream().map(RecipientBody::id).toList()), latency.errors());
    }

    /**
     * The return channel from the agency service's counts and the inbox receipts: every body, and each agency once it
     * has a question open or an inbox delivery; bodies first, then agencies, each by id. Feedback for every body.
     */
    static HealthReport.ReturnChannel returnChannel(ScrapedThreads threads, InboxTally inboxes, List<String> bodyIds) {
        Map<String, HealthReport.PartyThreads> parties = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(inboxes.parties());
        bodyIds.forEach(b -> names.add("body-" + Topics.slug(b)));
        threads.questions().keySet().forEach(k -> {
            String[] kindAndId = k.split(":", 2);
            names.add(kindAndId[0].equals("body") ? "body-" + Topics.slug(kindAndId[1]) : "agency-" + kindAndId[1]);
        });
        for (String name : names) {
            boolean body = name.startsWith("body-");
            String id = body ? Topics.bodyOf(name.substring("body-".length())) : name.substring("agency-".length());
            long[] q = threads.questions().getOrDefault((body ? "body:" : "agency:") + id, new long[2]);
            InboxTally.PartyReceipts r = inboxes.of(name);
            // Bodies sort before agencies: "0" and "1" lead the keys.
            parties.put((body ? "0" : "1") + id, new HealthReport.PartyThreads(name, body ? "body" : "agency", id, q[0], q[1],
                    r.count(InboxDeliveryStatus.DELIVERED), r.count(InboxDeliveryStatus.FAILED),
                    r.count(InboxDeliveryStatus.REFUSED), r.count(InboxDeliveryStatus.ESCALATED), r.lastDelivered()));
        }
        List<HealthReport.BodyFeedback> feedback = new ArrayList<>();
        for (String body : new java.util.TreeSet<>(bodyIds)) {
            long[] f = threads.feedback().getOrDefault(body, new long[2]);
            feedback.add(new HealthReport.BodyFeedback(body, f[0], f[1], f[0] == 0 ? null : (double) f[1] / f[0]));
        }
        return new HealthReport.ReturnChannel(threads.countedAt() != null, threads.countedAt(), List.copyOf(parties.values()),
                List.copyOf(feedback));
    }

    static String kind(String topic) {
        if (Topics.agencyOf(topic) != null) {
            return "inbound";
        }
        if (topic.startsWith(Topics.FEED_PREFIX)) {
            return topic.endsWith(".parked") ? "parked" : "feed";
        }
        if (topic.startsWith(Topics.INBOX_PREFIX)) {
            return "inbox";
        }
        if (Topics.responderOf(topic) != null) {
            return "responses";
        }
        return switch (topic) {
            case Topics.DEAD_LETTERS -> "dead-letters";
            case Topics.AUDIT -> "audit";
            case Topics.ROUTED_VERSIONS -> "routed";
            case Topics.RECEIPTS, Topics.INBOX_RECEIPTS -> "receipts";
            case "alerts.recipients" -> "recipients";
            case "_schemas" -> "registry";
            default -> "other";
        };
    }

    private List<TopicHealth> topics(ClusterSnapshot snapshot, Instant windowStart) {
        Map<String, List<Map.Entry<TopicPartition, ClusterSnapshot.Partition>>> byTopic = new TreeMap<>();
        snapshot.partitions().entrySet().forEach(e -> byTopic.computeIfAbsent(e.getKey().topic(), t -> new ArrayList<>()).add(e));
        List<TopicHealth> topics = new ArrayList<>();
        byTopic.forEach((name, parts) -> {
            int under = 0;
            int offline = 0;
            int rf = 0;
            long end = 0;
            long records = 0;
            TreeMap<Instant, Long> sums = new TreeMap<>();
            for (Map.Entry<TopicPartition, ClusterSnapshot.Partition> e : parts) {
                ClusterSnapshot.Partition p = e.getValue();
                rf = Math.max(rf, p.replicas());
                if (!p.online()) {
                    offline++;
                    continue;
                }
                under += p.underReplicated() ? 1 : 0;
                end += p.latest();
                records += p.latest() - p.earliest();
                history.logEnds(e.getKey()).stream().filter(s -> !s.at().isBefore(windowStart))
                        .forEach(s -> sums.merge(s.at(), s.offset(), Long::sum));
            }
            topics.add(new TopicHealth(name, kind(name), parts.size(), rf, under, offline, end, records, rate(sums),
                    List.copyOf(sums.values())));
        });
        return topics;
    }

    private static double rate(TreeMap<Instant, Long> series) {
        if (series.size() < 2) {
            return 0;
        }
        double seconds = Duration.between(series.firstKey(), series.lastKey()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.max(0, series.lastEntry().getValue() - series.firstEntry().getValue()) / seconds;
    }

    private GroupHealth group(String id, ClusterSnapshot.Group g, ClusterSnapshot snapshot, Instant now, Instant windowStart) {
        List<PartitionLag> partitions = new ArrayList<>();
        TreeMap<Instant, Long> lagHistory = new TreeMap<>();
        GroupStatus worst = GroupStatus.OK;
        String explanation = null;
        long lag = 0;
        double lagSeconds = 0;
        List<TopicPartition> tps = new ArrayList<>(g.committed().keySet());
        tps.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        for (TopicPartition tp : tps) {
            ClusterSnapshot.Partition p = snapshot.partitions().get(tp);
            if (p == null || !p.online()) {
                continue;
            }
            List<OffsetSample> samples = history.samples(id, tp);
            Verdict v = evaluator.evaluate(samples, now);
            long committed = g.committed().get(tp);
            long partitionLag = Math.max(0, p.latest() - committed);
            double seconds = TimeLag.estimate(history.logEnds(tp), committed, now).toMillis() / 1000.0;
            partitions.add(new PartitionLag(tp.topic(), tp.partition(), committed, p.latest(), partitionLag, seconds,
                    v.status(), v.explanation()));
            samples.stream().filter(s -> !s.at().isBefore(windowStart)).forEach(s -> lagHistory.merge(s.at(), s.lag(), Long::sum));
            lag += partitionLag;
            lagSeconds = Math.max(lagSeconds, seconds);
            if (explanation == null || v.status().code() > worst.code()) {
                worst = v.status();
                explanation = tp + ": " + v.explanation();
            }
        }
        if (explanation == null) {
            explanation = "no committed offsets";
        } else if (worst == GroupStatus.OK) {
            explanation = lag == 0 ? "caught up" : "consuming, lag " + lag;
        }
        if (g.members() == 0) {
            explanation += "; no active members";
        }
        return new GroupHealth(id, g.state(), g.members(), worst, explanation, lag, lagSeconds, partitions,
                List.copyOf(lagHistory.values()));
    }

    private DeadLetters deadLetters(Instant now, Instant windowStart, long parked) {
        long total = deadLetters.total();
        deadLetterTotals.addLast(Map.entry(now, total));
        while (!deadLetterTotals.isEmpty() && deadLetterTotals.peekFirst().getKey().isBefore(windowStart)) {
            deadLetterTotals.removeFirst();
        }
        Map.Entry<Instant, Long> first = deadLetterTotals.peekFirst();
        double minutes = Duration.between(first.getKey(), now).toMillis() / 60_000.0;
        double growth = minutes <= 0 ? 0 : (total - first.getValue()) / minutes;
        return new DeadLetters(total, deadLetters.byCode(), growth, deadLetters.recent(), parked);
    }

    private List<BodyState> bodies(List<TopicHealth> topics, List<GroupHealth> groups, List<Latency> latencies) {
        List<BodyState> states = new ArrayList<>();
        for (RecipientBody body : bodies) {
            String feed = Topics.feed(body.id());
            String groupId = Groups.subscriber(body.id());
            GroupHealth g = groups.stream().filter(x -> x.group().equals(groupId)).findFirst().orElse(null);
            long feedEnd = topics.stream().filter(t -> t.name().equals(feed)).mapToLong(TopicHealth::logEndOffset).sum();
            long parked = topics.stream().filter(t -> t.name().equals(Topics.parked(body.id()))).mapToLong(TopicHealth::records).sum();
            DeliveryTally.BodyReceipts r = deliveries.of(body.id());
            Double p99 = latencies.stream().filter(l -> l.stage().equals("delivery") && body.id().equals(l.body())
                    && l.p99() != null).map(Latency::p99).findFirst().orElse(null);
            states.add(new BodyState(body.id(), body.name(), feed, groupId,
                    g == null ? GroupStatus.OK : g.status(),
                    g == null ? "no subscriber has consumed this feed yet" : g.explanation(), feedEnd,
                    g == null ? 0 : g.lag(), g == null ? 0 : g.lagSeconds(), parked, r.count(DeliveryStatus.DELIVERED),
                    r.count(DeliveryStatus.FAILED), r.count(DeliveryStatus.ACKNOWLEDGED), r.count(DeliveryStatus.ESCALATED),
                    r.lastDelivered(), p99));
        }
        return states;
    }
}
