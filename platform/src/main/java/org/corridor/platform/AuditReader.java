package org.corridor.platform;

import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.serde.Serdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.schemas.topics.Topics;

/** Reads the routing decisions of given alerts from {@code alerts.audit} (read_committed), waiting until all are there. */
final class AuditReader {

    private AuditReader() {
    }

    /** The key of a response's decision in what {@link #await} answers. */
    static String responseKey(String responseId) {
        return "response:" + responseId;
    }

    /**
     * "alertId:version" (or {@link #responseKey} for a response's decision) to decision, once every wanted key is
     * present or the timeout passed.
     */
    /** @param client Kafka client settings: bootstrap servers and, on a secured broker, a principal that may read the audit */
    static Map<String, RoutingDecision> await(Map<String, Object> client, String registryUrl, Set<String> wanted, Duration timeout) {
        AvroDeserializer<RoutingDecision> decode = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(registryUrl)), RoutingDecision.class);
        Map<String, RoutingDecision> found = new HashMap<>();
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.AUDIT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!found.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    RoutingDecision d = decode.deserialize(r.topic(), r.value());
                    String key = d.getResponse() != null ? responseKey(d.getResponse().getResponseId().toString())
                            : d.getAlertId() + ":" + d.getAlertVersion();
                    if (wanted.contains(key)) {
                        found.put(key, d);
                    }
                }
            }
        }
        return found;
    }
}
