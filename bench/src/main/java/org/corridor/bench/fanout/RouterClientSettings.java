package org.corridor.bench.fanout;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The router's own Kafka client settings, read from its Spring defaults ({@code RouterApplication.DEFAULTS}), so the
 * bare fan-out polls and batches exactly like the router and follows it when the router is tuned: the
 * {@code spring.kafka.consumer.properties.*} and {@code spring.kafka.producer.properties.*} entries, and the few
 * settings Spring Boot names itself (max-poll-records, batch-size, acks, ...). Entries that are placeholders
 * ({@code ${...}}, the instance's own ids) are left out. What the router leaves unset keeps Kafka's default.
 */
record RouterClientSettings(Map<String, Object> consumer, Map<String, Object> producer) {

    private static final String CONSUMER = "spring.kafka.consumer.";
    private static final String PRODUCER = "spring.kafka.producer.";
    private static final Map<String, String> NAMED = Map.of(
            CONSUMER + "max-poll-records", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            CONSUMER + "fetch-min-size", ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
            CONSUMER + "isolation-level", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            PRODUCER + "batch-size", ProducerConfig.BATCH_SIZE_CONFIG,
            PRODUCER + "acks", ProducerConfig.ACKS_CONFIG,
            PRODUCER + "compression-type", ProducerConfig.COMPRESSION_TYPE_CONFIG,
            PRODUCER + "buffer-memory", ProducerConfig.BUFFER_MEMORY_CONFIG);

    static RouterClientSettings from(Map<String, Object> springDefaults) {
        Map<String, Object> consumer = new HashMap<>();
        Map<String, Object> producer = new HashMap<>();
        springDefaults.forEach((key, value) -> {
            String v = String.valueOf(value);
            if (v.contains("${")) {
                return;
            }
            if (key.startsWith(CONSUMER + "properties.")) {
                consumer.put(key.substring((CONSUMER + "properties.").length()), v);
            } else if (key.startsWith(PRODUCER + "properties.")) {
                producer.put(key.substring((PRODUCER + "properties.").length()), v);
            } else if (NAMED.containsKey(key)) {
                (key.startsWith(CONSUMER) ? consumer : producer).put(NAMED.get(key), v);
            }
        });
        return new RouterClientSettings(Map.copyOf(consumer), Map.copyOf(producer));
    }

    /** The consumer's max.poll.records: the router's, or Kafka's default. */
    int maxPollRecords() {
        return Integer.parseInt(String.valueOf(consumer.getOrDefault(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                ConsumerConfig.configDef().defaultValues().get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))));
    }

    /** The producer's linger.ms: the router's, or Kafka's default. */
    long lingerMs() {
        return Long.parseLong(String.valueOf(producer.getOrDefault(ProducerConfig.LINGER_MS_CONFIG,
                ProducerConfig.configDef().defaultValues().get(ProducerConfig.LINGER_MS_CONFIG))));
    }

    /** The producer's batch.size: the router's, or Kafka's default. */
    int batchSize() {
        return Integer.parseInt(String.valueOf(producer.getOrDefault(ProducerConfig.BATCH_SIZE_CONFIG,
                ProducerConfig.configDef().defaultValues().get(ProducerConfig.BATCH_SIZE_CONFIG))));
    }
}
