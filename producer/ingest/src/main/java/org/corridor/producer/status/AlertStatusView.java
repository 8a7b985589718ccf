package org.corridor.producer.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.state.StateStore;
import org.corridor.support.state.StoreFollower;
import tools.jackson.databind.node.ObjectNode;

/**
 * A materialised view of {@code alerts.audit} and {@code alerts.receipts}, the status of every alert, kept on local
 * disk in a {@link StateStore} rather than in the heap. A {@link StoreFollower} resumes reading both topics from the
 * store's checkpoint, so a restart reads only what was written since (the decisions first while they are behind, so
 * receipts seldom come before their alert's decision and wait in {@link EarlyReceipts}); a store that is new, lost, in
 * an older format or built from topics since recreated is rebuilt from the start of the topics, which stay the source
 * of truth.
 * Records that cannot be read are skipped (and counted by the follower). Thread-safe.
 */
public final class AlertStatusView implements AutoCloseable {

    private final StateStore store;
    private final AlertStatuses statuses;
    private final AvroDeserializer<RoutingDecision> decisions;
    private final AvroDeserializer<DeliveryReceipt> receipts;
    private final TopicFollower follower;

    /** @param store where the statuses are kept; closed with this view */
    public AlertStatusView(Map<String, Object> consumerProps, AvroDeserializer<RoutingDecision> decisions,
                           AvroDeserializer<DeliveryReceipt> receipts, StateStore store) {
        this(consumerProps, decisions, receipts, store, QuestionDue.DEFAULTS);
    }

    /** @param dues when questions to the originators are due */
    public AlertStatusView(Map<String, Object> consumerProps, AvroDeserializer<RoutingDecision> decisions,
                           AvroDeserializer<DeliveryReceipt> receipts, StateStore store, QuestionDue dues) {
        this.store = store;
        this.statuses = new AlertStatuses(store, dues, java.time.Clock.systemUTC());
        this.decisions = decisions;
        this.receipts = receipts;
        this.follower = StoreFollower.follow(store, AlertStatuses.FORMAT, "alert-status-view", consumerProps,
                List.of(Topics.AUDIT, Topics.RECEIPTS), Set.of(Topics.AUDIT),
                StoreFollower.Writers.ONLY_THIS_VIEW, this::apply);
    }

    /** The status of an alert, as JSON, when the agency published it and its first decision has been read. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        return statuses.status(agencyId, alertId);
    }

    /** The agency's alerts' statuses, the most recently routed first, at most {@code limit}. */
    public List<ObjectNode> statuses(String agencyId, int limit) {
        return statuses.statuses(agencyId, limit);
    }

    /** The markings the agency's alert's latest routed version was released under, if known. */
    public Optional<ReleasedMarkings> released(String agencyId, String alertId) {
        return statuses.released(agencyId, alertId);
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        TopicPartition at = new TopicPartition(r.topic(), r.partition());
        if (r.topic().equals(Topics.AUDIT)) {
            statuses.apply(decisions.deserialize(r.topic(), r.value()), at, r.offset());
        } else {
            statuses.apply(receipts.deserialize(r.topic(), r.value()), at, r.offset());
        }
    }

    AlertStatuses statuses() {
        return statuses;
    }

    StateStore store() {
        return store;
    }

    /** The follower of both topics, for health and metrics. */
    public TopicFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        follower.close();
        store.close();
    }
}
