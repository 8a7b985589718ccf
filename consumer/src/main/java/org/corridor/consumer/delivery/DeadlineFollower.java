package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.serde.AvroDeserializer;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link Deadlines} from {@code alerts.receipts}, read from the start and followed: DELIVERED receipts (with
 * their priority) start clocks, ACKNOWLEDGED receipts (from the API or written by a body itself) and ESCALATED ones
 * stop them. Escalations begin only once everything written before the start has been read.
 */
public final class DeadlineFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<DeliveryReceipt> receipts;
    private final Deadlines deadlines;
    private final Set<String> bodies;
    private final Thread reader;
    private volatile boolean running = true;

    public DeadlineFollower(Map<String, Object> consumerProps, AvroDeserializer<DeliveryReceipt> receipts, Deadlines deadlines,
                            Set<String> bodies) {
        this.receipts = receipts;
        this.deadlines = deadlines;
        this.bodies = bodies;
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "ack-deadline-follower");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read() {
        try {
            List<TopicPartition> partitions = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(Topics.RECEIPTS, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(Topics.RECEIPTS, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> behind = new HashSet<>(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    try {
                        apply(receipts.deserialize(r.topic(), r.value()));
                    } catch (RuntimeException unreadable) {
                        log.warn("Skipping unreadable receipt at offset {}: {}", r.offset(), unreadable.toString());
                    }
                }
                if (!behind.isEmpty()) {
                    behind.removeIf(tp -> consumer.position(tp) >= end.get(tp));
                    if (behind.isEmpty()) {
                        deadlines.ready();
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the reader
        } catch (RuntimeException e) {
            log.error("The acknowledgement-deadline follower stopped; escalations continue for new deliveries only", e);
            deadlines.ready();
        }
    }

    private void apply(DeliveryReceipt r) {
        if (!bodies.contains(r.getBody())) {
            return;
        }
        String id = r.getAlertId().toString();
        switch (r.getStatus()) {
            case DELIVERED -> {
                String detail = r.getDetail();
                if (detail != null && detail.startsWith("priority=")) {
                    try {
                        TraffickingAlert ref = new TraffickingAlert();
                        ref.setAlertId(r.getAlertId());
                        ref.setVersion(r.getAlertVersion());
                        ref.setOriginAgency(new Agency("", "", ""));
                        Priority priority = Priority.valueOf(detail.substring("priority=".length()));
                        ref.setPriority(priority);
                        deadlines.delivered(r.getBody(), ref, priority, r.getAt());
                    } catch (IllegalArgumentException unknownPriority) {
                        // not a deadline-bearing receipt
                    }
                }
            }
            case ACKNOWLEDGED, ESCALATED -> deadlines.acknowledged(r.getBody(), id);
            default -> { }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
