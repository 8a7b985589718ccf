package org.corridor.bench.fanout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The average value size of a topic's records, from up to a given number of them read from the beginning
 * (read_committed, no group): how big the router's audit decisions and recipients records are in this run.
 */
final class RecordSizes {

    private RecordSizes() {
    }

    /** @return the average value size in bytes; 0 when the topic has no record */
    static int averageValueBytes(Map<String, Object> client, String topic, int sample) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long bytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count < sample && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && count < sample) {
                        count++;
                        bytes += r.value().length;
                    }
                }
            }
            return count == 0 ? 0 : (int) Math.round((double) bytes / count);
        }
    }
}
