package org.corridor.producer.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;

/**
 * History kept in memory for what this process published, and read back from the agency's inbound topic for the
 * rest: the partition that holds the alert's key is scanned (read_committed) for its highest version. The scan costs
 * one pass over one partition and happens only for alerts this process has not seen. Thread-safe.
 */
public final class TopicAlertHistory implements AlertHistory {

    private record Key(String agencyId, UUID alertId) {
    }

    private final Cache<Key, TraffickingAlert> recent = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Deserializer<TraffickingAlert> deserializer;

    /**
     * @param consumers    opens a read_committed consumer without a group; closed after each scan
     * @param deserializer reads the values; records it cannot read are skipped (they were never valid alerts)
     */
    public TopicAlertHistory(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer) {
        this.consumers = consumers;
        this.deserializer = deserializer;
    }

    @Override
    public Optional<TraffickingAlert> latest(String agencyId, UUID alertId) {
        Key key = new Key(agencyId, alertId);
        TraffickingAlert known = recent.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TraffickingAlert> scanned = scan(Topics.inbound(agencyId), alertId.toString());
        scanned.ifPresent(this::published);
        return scanned;
    }

    @Override
    public void published(TraffickingAlert alert) {
        recent.asMap().merge(new Key(alert.getOriginAgency().getAgencyId(), alert.getAlertId()), alert,
                (old, neu) -> neu.getVersion() >= old.getVersion() ? neu : old);
    }

    private Optional<TraffickingAlert> readable(String topic, byte[] bytes) {
        try {
            return Optional.ofNullable(deserializer.deserialize(topic, bytes));
        } catch (SerializationException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<TraffickingAlert> scan(String topic, String key) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            int p = Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions.size();
            TopicPartition tp = new TopicPartition(topic, p);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            Map<String, TraffickingAlert> latest = new HashMap<>();
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        readable(topic, r.value()).ifPresent(alert -> latest.merge(key, alert,
                                (old, neu) -> neu.getVersion() >= old.getVersion() ? neu : old));
                    }
                }
            }
            return Optional.ofNullable(latest.get(key));
        }
    }
}
