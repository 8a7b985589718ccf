package org.corridor.consumer.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.Priority;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.state.StateStore;
import org.corridor.support.state.StoreFollower;
import org.corridor.schemas.topics.Topics;

/**
 * Follows {@code alerts.receipts} from the store's checkpoint (from the start for a new store) for the bodies this process serves (one follower,
 * {@code ack-deadline-follower}): DELIVERED receipts go into {@link DeliveredAlerts} (what a body may acknowledge)
 * and, with their priority, start clocks in {@link Deadlines}; ACKNOWLEDGED and ESCALATED receipts stop them. Only
 * the subscriber service's principal may write that topic ({@code AccessPlan}), so no body can plant a delivery or an
 * acknowledgement here. Escalations begin only once everything written before the start has been read.
 */
public final class DeadlineFollower implements AutoCloseable {

    /** The format of the store's values, with the bodies served appended. */
    /** receipts-2: acknowledgements are kept too ({@link DeliveredAlerts#acknowledged}); an older store is rebuilt. */
    static final String FORMAT = "receipts-2:";

    private final Deadlines deadlines;
    private final DeliveredAlerts delivered;
    private final Set<String> bodies;
    private final TopicFollower follower;

    /**
     * @param store where {@code deadlines} and {@code delivered} keep their state: the follower resumes from its
     *              checkpoint, or rebuilds it when the bodies served changed (the store holds only theirs)
     */
    DeadlineFollower(Map<String, Object> consumerProps, AvroDeserializer<DeliveryReceipt> receipts, Deadlines deadlines,
                     DeliveredAlerts delivered, Set<String> bodies, StateStore store) {
        this.deadlines = deadlines;
        this.delivered = delivered;
        this.bodies = bodies;
        this.follower = StoreFollower.follow(store, FORMAT + new TreeSet<>(bodies), "ack-deadline-follower", consumerProps,
                List.of(Topics.RECEIPTS), r -> apply(receipts.deserialize(r.topic(), r.value())));
        this.follower.caughtUp().whenComplete((done, error) -> deadlines.ready());
    }

    private void apply(DeliveryReceipt r) {
        if (!bodies.contains(r.getBody())) {
            return;
        }
        switch (r.getStatus()) {
            case DELIVERED -> {
                delivered.delivered(r.getBody(), r.getOriginAgency(), r.getAlertId(), r.getAlertVersion());
                String detail = r.getDetail();
                if (detail != null && detail.startsWith("priority=")) {
                    try {
                        Priority priority = Priority.valueOf(detail.substring("priority=".length()));
                        deadlines.delivered(r.getBody(), r.getOriginAgency(), r.getAlertId(), r.getAlertVersion(), priority, r.getAt());
                    } catch (IllegalArgumentException unknownPriority) {
                        // not a deadline-bearing receipt
                    }
                }
            }
            case ACKNOWLEDGED -> {
                deadlines.acknowledged(r.getBody(), r.getOriginAgency(), r.getAlertId());
                if (r.getOriginAgency() != null) {
                    delivered.acknowledged(r.getBody(), r.getOriginAgency(), r.getAlertId(), r.getAlertVersion());
                }
            }
            case ESCALATED -> deadlines.acknowledged(r.getBody(), r.getOriginAgency(), r.getAlertId());
            default -> { }
        }
    }

    /** The follower of {@code alerts.receipts}, for health, metrics and acknowledgements that must wait for it. */
    TopicFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        follower.close();
    }
}
