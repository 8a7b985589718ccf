package org.corridor.producer.publish;

import org.corridor.support.serde.Serdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.Followers;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.validation.AlertValidator;

/**
 * Builds an {@link AlertPublisher} from Kafka client settings and serde settings ({@code schema.registry.url} and
 * the other Confluent-named keys), and optionally a state directory. Whatever the caller passes, the producer is
 * idempotent with acks=all.
 * <p>
 * The publisher keeps an index of the alert ids on the agency's topic (for the next version of a correction and for
 * refusing an id already used) on local disk. With a state directory it is kept there ({@code <dir>/<topic>}, used by
 * one process at a time) and a restart reads only what the topic received since; without one it lives in a temporary
 * directory, deleted when the publisher closes, and each start reads the agency's topic again. Either way the topic
 * stays the source of truth: a lost or stale directory is rebuilt from it.
 */
public final class PublisherFactory {

    private PublisherFactory() {
    }

    /**
     * @param kafka client settings: at least {@code bootstrap.servers}; may carry security and timeout settings
     * @param serde serde settings: at least {@code schema.registry.url}
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator) {
        return create(kafka, serde, validator, new Followers(), null);
    }

    /**
     * @param stateDir where the index of the agency's topic is kept (created if missing); null: a temporary directory
     * @throws IllegalArgumentException when {@code stateDir} is a file
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator,
                                        Path stateDir) {
        return create(kafka, serde, validator, new Followers(), stateDir);
    }

    /**
     * @param followers where the followers that index the agency's topic are added, for a service's health and
     *                  metrics
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator,
                                        Followers followers) {
        return create(kafka, serde, validator, followers, null);
    }

    /**
     * @param followers where the followers that index the agency's topic are added, for a service's health and
     *                  metrics
     * @param stateDir  where the index of the agency's topic is kept (created if missing); null: a temporary directory
     * @throws IllegalArgumentException when {@code stateDir} is a file
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator,
                                        Followers followers, Path stateDir) {
        if (stateDir != null && Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
            throw new IllegalArgumentException("stateDir: " + stateDir + " is a file; give a directory (created if"
                    + " missing) or null for a temporary one");
        }
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.from(serde));
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "corridor-publisher-" + UUID.randomUUID());
        KafkaProducer<String, TraffickingAlert> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new AvroSerializer<>(registry, serde, false));
        AvroDeserializer<TraffickingAlert> deserializer = Serdes.reader(registry, TraffickingAlert.class, serde);
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.keySet().removeIf(k -> ProducerConfig.configNames().contains(k)
                && !ConsumerConfig.configNames().contains(k));
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AlertHistory history = new TopicAlertHistory(
                () -> new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer()), deserializer,
                consumerProps, followers, stateDir);
        return new AlertPublisher(producer, validator, history, Clock.systemUTC());
    }
}
