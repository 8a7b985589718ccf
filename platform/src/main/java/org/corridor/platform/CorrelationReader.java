package org.corridor.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.Serdes;

/** Reads the correlator's hits ({@code alerts.correlations}) as the admin, for the demo and its tests. */
final class CorrelationReader {

    private CorrelationReader() {
    }

    /**
     * The hits read from the start, once one matches {@code wanted} or the timeout passed (then those read so far).
     *
     * @param client Kafka client settings: bootstrap servers and, on a secured broker, a principal that may read it
     */
    static List<CorrelationHit> await(Map<String, Object> client, String registryUrl, Predicate<CorrelationHit> wanted,
                                      Duration timeout) {
        AvroDeserializer<CorrelationHit> decode = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(registryUrl)), CorrelationHit.class);
        List<CorrelationHit> hits = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                // The correlator creates the topic when it starts: it may not be there yet.
                partitions = consumer.partitionsFor(Topics.CORRELATIONS, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(Topics.CORRELATIONS, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (hits.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    hits.add(decode.deserialize(r.topic(), r.value()));
                }
            }
        }
        return hits;
    }
}
