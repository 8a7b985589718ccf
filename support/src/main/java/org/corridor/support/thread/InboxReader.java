package org.corridor.support.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.support.serde.AvroDeserializer;

/**
 * Reads one alert's thread from a party's inbox ({@code alerts.inbox.<party>}): the responses the router released to
 * that party, in the order it routed them. It reads with the consumer settings it is given, which carry that party's
 * own principal where the broker is secured, so it can never show more than the party's inbox holds. Each call reads
 * the inbox from its start to its committed end (read_committed, no group, nothing committed): an inbox holds
 * responses, few next to alerts, and this is the simplest reader that cannot miss one. A record that does not decode
 * is skipped and counted. Thread-safe: one consumer per call.
 */
public final class InboxReader {

    /** The thread as read, and how many records of it could not be decoded. */
    public record Read(List<AlertResponse> responses, int undecodable) {
    }

    private final Map<String, Object> consumerProps;
    private final AvroDeserializer<AlertResponse> responses;
    private final Duration timeout;

    /**
     * @param consumerProps Kafka consumer settings of the party (group settings are dropped)
     * @param timeout       how long one read may take before it fails with a {@link TimeoutException}
     */
    public InboxReader(Map<String, Object> consumerProps, AvroDeserializer<AlertResponse> responses, Duration timeout) {
        Map<String, Object> p = new HashMap<>(consumerProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProps = Map.copyOf(p);
        this.responses = responses;
        this.timeout = timeout;
    }

    /**
     * The responses on the inbox whose record key is {@code key} ({@code <alertAgency>/<alertId>}), in routing order.
     *
     * @throws TimeoutException when the inbox cannot be read to its end within the timeout
     */
    public Read read(String inbox, String key) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<AlertResponse> found = new ArrayList<>();
        int undecodable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(inbox, timeout);
            if (infos == null || infos.isEmpty()) {
                return new Read(List.of(), 0);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(inbox, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!atEnd(consumer, end)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("reading " + inbox + " to its end took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(Math.min(200, left / 1_000_000 + 1)))) {
                    if (!key.equals(r.key()) || r.value() == null) {
                        continue;
                    }
                    try {
                        found.add(responses.deserialize(r.topic(), r.value()));
                    } catch (RuntimeException e) {
                        undecodable++;
                    }
                }
            }
        }
        return new Read(List.copyOf(found), undecodable);
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
