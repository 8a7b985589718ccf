package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.topics.Topics;

/**
 * Re-drives a body's parked records: reads {@code alerts.feed.<body>.parked} from where the last re-drive stopped (its
 * own consumer group) up to the end it has now, and delivers each again through the body's delivery. A record that
 * still fails is parked again with the new error, so nothing is lost. One re-drive per body at a time.
 */
public final class Redriver {

    /** What a re-drive did. */
    public record Result(String body, int delivered, int parkedAgain) {
    }

    private final SubscriberService service;

    public Redriver(SubscriberService service) {
        this.service = service;
    }

    public synchronized Result redrive(String body) {
        SubscriberService.BodyDelivery delivery = service.delivery(body)
                .orElseThrow(() -> new IllegalArgumentException("body " + body + " is not served by this subscriber"));
        delivery.reset();
        return deliverAll(body, delivery, Topics.parked(body), "corridor-redrive-", null);
    }

    /** Re-delivers every record of the body's feed written at or after {@code since}, up to the end it has now. */
    public synchronized Result replay(String body, java.time.Instant since) {
        SubscriberService.BodyDelivery delivery = service.delivery(body)
                .orElseThrow(() -> new IllegalArgumentException("body " + body + " is not served by this subscriber"));
        return deliverAll(body, delivery, Topics.feed(body), "corridor-replay-", since);
    }

    private Result deliverAll(String body, SubscriberService.BodyDelivery delivery, String topic, String groupPrefix,
                              java.time.Instant since) {
        // As the body itself, on a secured broker: a re-drive cannot read another body's records.
        Map<String, Object> props = service.consumerProps(body);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + body.toLowerCase().replace('_', '-'));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        int delivered = 0;
        int parked = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> fromTime = since == null ? Map.of()
                    : consumer.offsetsForTimes(partitions.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                            tp -> since.toEpochMilli())));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (since != null) {
                    org.apache.kafka.clients.consumer.OffsetAndTimestamp at = fromTime.get(tp);
                    consumer.seek(tp, at == null ? end.get(tp) : at.offset());
                } else if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    if (SubscriberService.deliver(body, delivery, r, service.alerts())) {
                        delivered++;
                    } else {
                        parked++;
                    }
                    service.receipts().confirm();
                    consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        }
        return new Result(body, delivered, parked);
    }
}
