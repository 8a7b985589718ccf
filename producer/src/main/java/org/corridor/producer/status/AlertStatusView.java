package org.corridor.producer.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.serde.AvroDeserializer;
import org.corridor.schemas.topics.TopicFollower;
import org.corridor.schemas.topics.Topics;

/**
 * A materialised view of {@code alerts.audit} and {@code alerts.receipts}: a {@link TopicFollower} reads both topics
 * from the start and follows them, so the view is rebuilt after every restart from the log, which is its store.
 * Thread-safe.
 */
public final class AlertStatusView implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AlertStatus> alerts = new ConcurrentHashMap<>();
    /** Receipts that arrived before their alert's first decision; only the follower's thread touches it. */
    private final Map<String, List<DeliveryReceipt>> early = new HashMap<>();
    private final AvroDeserializer<RoutingDecision> decisions;
    private final AvroDeserializer<DeliveryReceipt> receipts;
    private final TopicFollower follower;

    public AlertStatusView(Map<String, Object> consumerProps, AvroDeserializer<RoutingDecision> decisions,
                           AvroDeserializer<DeliveryReceipt> receipts) {
        this.decisions = decisions;
        this.receipts = receipts;
        this.follower = new TopicFollower("alert-status-view", consumerProps, List.of(Topics.AUDIT, Topics.RECEIPTS), this::apply);
    }

    /** The status of an alert, as JSON, when the agency published it. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        AlertStatus status = alerts.get(alertId);
        if (status == null || !status.originAgency.equals(agencyId)) {
            return Optional.empty();
        }
        synchronized (status) {
            return Optional.of(status.toJson(JSON));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(Topics.AUDIT)) {
            RoutingDecision d = decisions.deserialize(r.topic(), r.value());
            apply(d);
            List<DeliveryReceipt> waiting = early.remove(d.getAlertId().toString());
            if (waiting != null) {
                waiting.forEach(this::apply);
            }
        } else {
            apply(receipts.deserialize(r.topic(), r.value()));
        }
    }

    private void apply(RoutingDecision d) {
        AlertStatus status = alerts.computeIfAbsent(d.getAlertId().toString(), id -> new AlertStatus(id, d.getOriginAgency()));
        synchronized (status) {
            status.latestVersion = Math.max(status.latestVersion, d.getAlertVersion());
            for (String body : d.getRecipients()) {
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(body, b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.routedVersion) {
                    s.routedVersion = d.getAlertVersion();
                    s.routedAt = d.getDecidedAt();
                }
            }
            for (WithheldBody w : d.getWithheld()) {
                if (w.getReason() == WithholdReason.NOT_CONCERNED) {
                    continue;
                }
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(w.getBody(), b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.withheldVersion) {
                    s.withheldVersion = d.getAlertVersion();
                    s.withheldReason = w.getReason().name();
                    s.withheldDetail = w.getDetail();
                }
            }
        }
    }

    private void apply(DeliveryReceipt r) {
        String id = r.getAlertId().toString();
        AlertStatus status = alerts.get(id);
        if (status == null) {
            // A receipt read before its decision (another topic): keep it until the decision arrives.
            early.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
            return;
        }
        synchronized (status) {
            AlertStatus.BodyState s = status.bodies.computeIfAbsent(r.getBody(), b -> new AlertStatus.BodyState());
            switch (r.getStatus()) {
                case DELIVERED -> {
                    if (r.getAlertVersion() >= s.deliveredVersion) {
                        s.deliveredVersion = r.getAlertVersion();
                        s.deliveredAt = r.getAt();
                    }
                }
                case ACKNOWLEDGED -> s.acknowledgedAt = r.getAt();
                case PARKED -> {
                    if (r.getAlertVersion() >= s.parkedVersion) {
                        s.parkedVersion = r.getAlertVersion();
                        s.parkedAt = r.getAt();
                        s.parkedError = r.getDetail();
                    }
                }
                case ESCALATED -> s.escalatedAt = r.getAt();
                case FAILED -> s.failedAttempts++;
                default -> { }
            }
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
