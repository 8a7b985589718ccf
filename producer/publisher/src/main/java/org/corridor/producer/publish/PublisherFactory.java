package org.corridor.producer.publish;

import org.corridor.support.serde.Serdes;
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
 * the other Confluent-named keys). Whatever the caller passes, the producer is idempotent with acks=all.
 */
public final class PublisherFactory {

    private PublisherFactory() {
    }

    /**
     * @param kafka client settings: at least {@code bootstrap.servers}; may carry security and timeout settings
     * @param serde serde settings: at least {@code schema.registry.url}
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator) {
        return create(kafka, serde, validator, new Followers());
    }

    /**
     * @param followers where the followers that index the agency's topic are added, for a service's health and
     *                  metrics
     */
    public static AlertPublisher create(Map<String, Object> kafka, Map<String, Object> serde, AlertValidator validator,
                                        Followers followers) {
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
                consumerProps, followers);
        return new AlertPublisher(producer, validator, history, Clock.systemUTC());
    }
}
