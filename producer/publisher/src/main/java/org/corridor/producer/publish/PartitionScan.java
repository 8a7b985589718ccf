package org.corridor.producer.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * Reads one alert's versions from an inbound topic: one pass (read_committed) over the partition that holds its key,
 * up to the partition's end when the pass starts. Records that are not alerts are skipped. Thread-safe.
 */
final class PartitionScan {

    /** Where one version of an alert sits in its partition (version 0: a record that could not be read). */
    record Placed(int version, long offset) {
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Deserializer<TraffickingAlert> deserializer;

    PartitionScan(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer) {
        this.consumers = consumers;
        this.deserializer = deserializer;
    }

    /** The record's version, 0 when it cannot be read now (not an alert, or the registry unreachable). */
    int versionOf(String topic, byte[] bytes) {
        if (bytes == null) {
            return 0;
        }
        try {
            return readable(topic, bytes).map(TraffickingAlert::getVersion).orElse(0);
        } catch (RuntimeException registryOrWorse) {
            return 0;
        }
    }

    private Optional<TraffickingAlert> readable(String topic, byte[] bytes) {
        try {
            return Optional.ofNullable(deserializer.deserialize(topic, bytes));
        } catch (SerializationException unreadable) {
            return Optional.empty();
        }
    }

    /** The highest version of the key in its partition, if any. */
    Optional<TraffickingAlert> latest(String topic, String key) {
        Map<String, TraffickingAlert> latest = new HashMap<>();
        read(topic, key, (alert, offset) -> latest.merge(key, alert,
                (old, neu) -> neu.getVersion() >= old.getVersion() ? neu : old));
        return Optional.ofNullable(latest.get(key));
    }

    /** The key's alert at that offset of its partition (the index knows where), reading from there only. */
    Optional<TraffickingAlert> at(String topic, String key, long offset) {
        Map<String, TraffickingAlert> found = new HashMap<>();
        read(topic, key, offset, offset + 1, (alert, o) -> {
            if (o == offset) {
                found.put(key, alert);
            }
        });
        return Optional.ofNullable(found.get(key));
    }

    /** Every readable version of the key in its partition, in log order. */
    List<Placed> placements(String topic, String key) {
        List<Placed> placed = new java.util.ArrayList<>();
        read(topic, key, (alert, offset) -> placed.add(new Placed(alert.getVersion(), offset)));
        return placed;
    }

    /** One pass over the partition of the key, up to its end when the pass starts, handing over the key's alerts. */
    private void read(String topic, String key, java.util.function.ObjLongConsumer<TraffickingAlert> onAlert) {
        read(topic, key, -1, Long.MAX_VALUE, onAlert);
    }

    /** @param from the first offset (-1: the beginning); @param until the offset to stop before, or the end if sooner */
    private void read(String topic, String key, long from, long until, java.util.function.ObjLongConsumer<TraffickingAlert> onAlert) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            int p = Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions.size();
            TopicPartition tp = new TopicPartition(topic, p);
            consumer.assign(List.of(tp));
            if (from < 0) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, from);
            }
            long end = Math.min(until, consumer.endOffsets(List.of(tp)).get(tp));
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        readable(topic, r.value()).ifPresent(alert -> onAlert.accept(alert, r.offset()));
                    }
                }
            }
        }
    }
}
