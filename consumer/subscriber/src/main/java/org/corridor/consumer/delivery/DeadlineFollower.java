package org.corridor.consumer.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.Priority;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.schemas.topics.Topics;

/**
 * Feeds {@link Deadlines} from {@code alerts.receipts}, read from the start and followed: DELIVERED receipts (with
 * their priority) start clocks, ACKNOWLEDGED receipts (from the API or written by a body itself) and ESCALATED ones
 * stop them, each for the alert of the agency the receipt names. Escalations begin only once everything written
 * before the start has been read.
 */
public final class DeadlineFollower implements AutoCloseable {

    private final Deadlines deadlines;
    private final Set<String> bodies;
    private final TopicFollower follower;

    public DeadlineFollower(Map<String, Object> consumerProps, AvroDeserializer<DeliveryReceipt> receipts, Deadlines deadlines,
                            Set<String> bodies) {
        this.deadlines = deadlines;
        this.bodies = bodies;
        this.follower = new TopicFollower("ack-deadline-follower", consumerProps, List.of(Topics.RECEIPTS),
                r -> apply(receipts.deserialize(r.topic(), r.value())));
        this.follower.caughtUp().whenComplete((done, error) -> deadlines.ready());
    }

    private void apply(DeliveryReceipt r) {
        if (!bodies.contains(r.getBody())) {
            return;
        }
        switch (r.getStatus()) {
            case DELIVERED -> {
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
            case ACKNOWLEDGED, ESCALATED -> deadlines.acknowledged(r.getBody(), r.getOriginAgency(), r.getAlertId());
            default -> { }
        }
    }

    /** The follower of {@code alerts.receipts}, for health and metrics. */
    TopicFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        follower.close();
    }
}
