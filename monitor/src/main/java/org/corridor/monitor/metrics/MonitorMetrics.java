package org.corridor.monitor.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.corridor.monitor.cluster.HealthReport;
import org.corridor.monitor.cluster.HealthReport.BodyState;
import org.corridor.monitor.cluster.HealthReport.GroupHealth;
import org.corridor.monitor.cluster.HealthReport.TopicHealth;
import org.corridor.monitor.cluster.Latency;
import org.corridor.schemas.avro.DeliveryStatus;

/**
 * The monitor's meters, refreshed after every sampling round. Tags: {@code topic}, {@code kind}, {@code group},
 * {@code body}, {@code reason}, {@code status}, {@code stage}, {@code quantile}: all bounded by the topics and groups
 * of the cluster. docs/monitoring.md lists the Prometheus names; a test checks that each one is exported.
 */
public final class MonitorMetrics {

    private final MeterRegistry registry;
    private final List<Updater> updaters = new ArrayList<>();
    private final Counter roundsOk;
    private final Counter roundsFailed;

    private record Updater(MultiGauge gauge, Function<HealthReport, List<? extends MultiGauge.Row<?>>> rows) {
    }

    public MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
        perTopic("corridor.monitor.topic.partitions", "Partitions of the topic", t -> t.partitions());
        perTopic("corridor.monitor.topic.under.replicated.partitions", "Partitions with fewer in-sync replicas than replicas", TopicHealth::underReplicated);
        perTopic("corridor.monitor.topic.offline.partitions", "Partitions without a leader", TopicHealth::offline);
        perTopic("corridor.monitor.topic.log.end.offset", "Sum of the partitions' log-end offsets", TopicHealth::logEndOffset);
        perTopic("corridor.monitor.topic.records", "Log-end minus log-start offsets (includes transaction markers)", TopicHealth::records);
        perTopic("corridor.monitor.topic.rate", "Growth of the log-end offsets per second over the window", TopicHealth::ratePerSecond);
        perGroup("corridor.monitor.group.status", "Group status: 0 OK, 1 WARN, 2 REWIND, 3 STALL, 4 STOP", g -> g.status().code());
        perGroup("corridor.monitor.group.members", "Active members of the group", GroupHealth::members);
        perGroup("corridor.monitor.group.lag.records", "Records not yet committed by the group", GroupHealth::lag);
        perGroup("corridor.monitor.group.lag.seconds", "Age of the oldest record the group has not committed", GroupHealth::lagSeconds);
        gauge("corridor.monitor.dead.letters", "Dead letters by reason code", r -> r.deadLetters().byReason().entrySet().stream()
                .map(e -> row(Tags.of("reason", e.getKey()), e.getValue())).toList());
        gauge("corridor.monitor.dead.letters.growth", "New dead letters per minute over the window",
                r -> List.of(row(Tags.empty(), r.deadLetters().growthPerMinute())));
        perBody("corridor.monitor.body.parked", "Records parked after delivery retries were exhausted", BodyState::parked);
        perBody("corridor.monitor.body.lag.records", "Feed records the body's subscriber has not committed", BodyState::lag);
        perBody("corridor.monitor.body.escalations", "Alerts not acknowledged before their deadline", BodyState::escalated);
        gauge("corridor.monitor.body.deliveries", "Delivery receipts by body and status", r -> r.bodies().stream()
                .flatMap(b -> Map.of(DeliveryStatus.DELIVERED, b.delivered(), DeliveryStatus.FAILED, b.failedAttempts(),
                        DeliveryStatus.ACKNOWLEDGED, b.acknowledged(), DeliveryStatus.ESCALATED, b.escalated()).entrySet().stream()
                        .map(e -> row(Tags.of("body", b.body(), "status", e.getKey().name()), e.getValue()))).toList());
        gauge("corridor.monitor.latency.seconds", "End-to-end latency quantiles reported by the services (NaN: none measured)",
                r -> java.util.stream.Stream.of("routing", "delivery").flatMap(stage -> {
                    List<Latency> of = r.latency().stream().filter(l -> l.stage().equals(stage) && l.body() == null).toList();
                    return java.util.stream.Stream.of(
                            row(Tags.of("stage", stage, "quantile", "0.5"), max(of, Latency::p50)),
                            row(Tags.of("stage", stage, "quantile", "0.99"), max(of, Latency::p99)),
                            row(Tags.of("stage", stage, "quantile", "0.999"), max(of, Latency::p999)));
                }).toList());
        gauge("corridor.monitor.party.questions.open", "Questions not answered yet: a body's asked, an agency's owed (NaN: not measured)",
                r -> r.returnChannel().parties().stream().map(p -> row(Tags.of("party", p.party()),
                        r.returnChannel().measured() ? p.openQuestions() : Double.NaN)).toList());
        gauge("corridor.monitor.party.questions.overdue", "Of those, the ones past due (NaN: not measured)",
                r -> r.returnChannel().parties().stream().map(p -> row(Tags.of("party", p.party()),
                        r.returnChannel().measured() ? p.overdueQuestions() : Double.NaN)).toList());
        gauge("corridor.monitor.party.inbox.deliveries", "Inbox receipts by party and status", r -> r.returnChannel().parties().stream()
                .flatMap(p -> Map.of("DELIVERED", p.inboxDelivered(), "FAILED", p.inboxFailed(), "REFUSED", p.inboxRefused(),
                        "ESCALATED", p.escalatedQuestions())
                        .entrySet().stream().map(e -> row(Tags.of("party", p.party(), "status", e.getKey()), e.getValue()))).toList());
        gauge("corridor.monitor.body.feedback.ratio", "Share of the body's alerts older than the feedback age with an outcome (NaN: none old enough, or not measured)",
                r -> r.returnChannel().feedback().stream()
                        .map(f -> row(Tags.of("body", f.body()), f.rate() == null ? Double.NaN : f.rate())).toList());
        roundsOk = Counter.builder("corridor.monitor.rounds").description("Sampling rounds by outcome").tag("outcome", "ok").register(registry);
        roundsFailed = Counter.builder("corridor.monitor.rounds").description("Sampling rounds by outcome").tag("outcome", "failed").register(registry);
    }

    /** After a successful round. */
    public void update(HealthReport report) {
        roundsOk.increment();
        for (Updater u : updaters) {
            u.gauge().register(u.rows().apply(report), true);
        }
    }

    /** After a failed round. */
    public void failed() {
        roundsFailed.increment();
    }

    private static double max(List<Latency> list, Function<Latency, Double> f) {
        return list.stream().map(f).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static MultiGauge.Row<Number> row(Tags tags, Number value) {
        return MultiGauge.Row.of(tags, value);
    }

    private void perTopic(String name, String description, Function<TopicHealth, Number> value) {
        gauge(name, description, r -> r.topics().stream()
                .map(t -> row(Tags.of("topic", t.name(), "kind", t.kind()), value.apply(t))).toList());
    }

    private void perGroup(String name, String description, Function<GroupHealth, Number> value) {
        gauge(name, description, r -> r.groups().stream().map(g -> row(Tags.of("group", g.group()), value.apply(g))).toList());
    }

    private void perBody(String name, String description, Function<BodyState, Number> value) {
        gauge(name, description, r -> r.bodies().stream().map(b -> row(Tags.of("body", b.body()), value.apply(b))).toList());
    }

    private void gauge(String name, String description, Function<HealthReport, List<? extends MultiGauge.Row<?>>> rows) {
        updaters.add(new Updater(MultiGauge.builder(name).description(description).register(registry), rows));
    }
}
