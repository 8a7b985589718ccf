package org.corridor.producer.status;

import java.util.List;
import java.util.Optional;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.schemas.topics.Topics;

/**
 * A materialised view of {@code alerts.audit} and {@code alerts.receipts}: a {@link TopicFollower} reads both topics
 * from the start and follows them, so the view is rebuilt after every restart from the log, which is its store.
 * It holds the latest {@code capacity} alerts (by first decision) and forgets older ones, so its memory is bounded
 * however long the service runs. Thread-safe.
 */
public final class AlertStatusView implements AutoCloseable {

    private final AlertStatuses statuses;
    private final AvroDeserializer<RoutingDecision> decisions;
    private final AvroDeserializer<DeliveryReceipt> receipts;
    private final TopicFollower follower;

    public AlertStatusView(Map<String, Object> consumerProps, AvroDeserializer<RoutingDecision> decisions,
                           AvroDeserializer<DeliveryReceipt> receipts, int capacity) {
        this.statuses = new AlertStatuses(capacity);
        this.decisions = decisions;
        this.receipts = receipts;
        this.follower = new TopicFollower("alert-status-view", consumerProps, List.of(Topics.AUDIT, Topics.RECEIPTS), this::apply);
    }

    /** The status of an alert, as JSON, when the agency published it and it is among the latest held. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        return statuses.status(agencyId, alertId);
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(Topics.AUDIT)) {
            statuses.apply(decisions.deserialize(r.topic(), r.value()));
        } else {
            statuses.apply(receipts.deserialize(r.topic(), r.value()));
        }
    }

    /** The follower of both topics, for health and metrics. */
    public TopicFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        follower.close();
    }
}
