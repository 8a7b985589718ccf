package org.corridor.consumer.router;

import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.topics.Groups;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adapts inbound records (alerts on the agencies' inbound topics, responses on the parties' responses topics) to
 * {@link TransactionalRouting}. Each poll's batch is routed in one Kafka transaction (feed
 * records, audit decisions, recipients and the consumed offsets commit together), which keeps exactly-once
 * routing cheap: one commit per batch instead of one per alert; a batch Kafka refuses is split. The consumer group is
 * {@code spring.kafka.consumer.group-id} ({@code corridor-router} by default), not the listener id.
 */
@Component
class RouteListener {

    private final TransactionalRouting routing;

    RouteListener(TransactionalRouting routing) {
        this.routing = routing;
    }

    @KafkaListener(id = Groups.ROUTER, idIsGroup = false, topicPattern = Topics.ROUTED_REGEX, batch = "true")
    void onAlerts(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        routing.route(records, consumer);
    }
}
