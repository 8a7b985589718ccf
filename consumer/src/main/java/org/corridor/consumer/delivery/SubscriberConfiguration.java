package org.corridor.consumer.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.CachingSchemaRegistryClient;
import org.corridor.schemas.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.serde.AvroDeserializer;
import org.corridor.schemas.serde.AvroSerdeConfig;
import org.corridor.schemas.serde.AvroSerializer;
import org.corridor.schemas.topics.TopicAdmin;
import org.corridor.schemas.topics.Topics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscribers' beans; import it into a context of its own (it needs no listener factory of Boot's). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriberProperties.class)
public class SubscriberConfiguration {

    @Bean
    SubscriberService subscriberService(SubscriberProperties properties, KafkaProperties kafka) {
        ReferenceData reference = ReferenceData.defaults();
        List<String> bodies = properties.bodies().isEmpty() ? new ArrayList<>(reference.bodyIds()) : properties.bodies();
        for (String body : bodies) {
            if (!reference.isKnownBody(body)) {
                throw new IllegalArgumentException("corridor.subscriber.bodies: \"" + body + "\" is not a known body (one of "
                        + String.join(", ", reference.bodyIds()) + ")");
            }
        }
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            List<String> topics = new ArrayList<>(bodies.stream().map(Topics::feed).toList());
            topics.add(Topics.RECEIPTS);
            TopicAdmin.ensure(admin, topics, 3, (short) 1);
        }
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl()));
        AvroDeserializer<TraffickingAlert> alerts = new AvroDeserializer<>(registry);
        alerts.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Map<String, Object> producerProps = new HashMap<>(kafka.buildProducerProperties());
        producerProps.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new SubscriberService(kafka.buildConsumerProperties(), bodies, body -> sink(properties, body), alerts,
                new AvroSerializer<>(registry, Map.of(), false),
                new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer()), Clock.systemUTC());
    }

    private static FeedSink sink(SubscriberProperties properties, String body) {
        if (properties.sink().equals("log")) {
            return new LogSink();
        }
        try {
            java.nio.file.Files.createDirectories(properties.fileDir());
        } catch (IOException e) {
            throw new UncheckedIOException("corridor.subscriber.file-dir: cannot create " + properties.fileDir(), e);
        }
        return new FileSink(properties.fileDir().resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length())), Clock.systemUTC());
    }
}
