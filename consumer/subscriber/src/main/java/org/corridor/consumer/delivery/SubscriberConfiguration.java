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
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.kafka.TopicAdmin;
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
    Receipts receipts(SubscriberService service) {
        return service.receipts();
    }

    @Bean
    Deadlines deadlines(SubscriberService service) {
        return service.deadlines();
    }

    /** One registry client (and its caches) for the feeds, the receipts and the deadline follower. */
    @Bean
    SchemaRegistryClient subscriberRegistryClient(SubscriberProperties properties) {
        return new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl()));
    }

    @Bean(destroyMethod = "close")
    DeadlineFollower deadlineFollower(Deadlines deadlines, SubscriberService service, KafkaProperties kafka,
                                      SchemaRegistryClient registry) {
        AvroDeserializer<DeliveryReceipt> receipts = new AvroDeserializer<>(registry);
        receipts.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return new DeadlineFollower(kafka.buildConsumerProperties(), receipts, deadlines, service.bodies());
    }

    /** Checks acknowledgement deadlines every few seconds. */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService deadlineWatcher(Deadlines deadlines, SubscriberProperties properties) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ack-deadlines");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.deadlineCheckInterval().toMillis());
        timer.scheduleWithFixedDelay(deadlines::escalateOverdue, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        return timer;
    }

    @Bean
    Redriver redriver(SubscriberService service, KafkaProperties kafka) {
        return new Redriver(service);
    }

    @Bean
    SubscriberService subscriberService(SubscriberProperties properties, KafkaProperties kafka,
                                        io.micrometer.core.instrument.MeterRegistry meters, SchemaRegistryClient registry) {
        ReferenceData reference = ReferenceData.defaults();
        List<String> bodies = properties.bodies().isEmpty() ? new ArrayList<>(reference.bodyIds()) : properties.bodies();
        for (String body : properties.webhooks().keySet()) {
            if (!reference.isKnownBody(body)) {
                throw new IllegalArgumentException("corridor.subscriber.webhooks: \"" + body + "\" is not a known body (one of "
                        + String.join(", ", reference.bodyIds()) + ")");
            }
        }
        for (String body : bodies) {
            if (!reference.isKnownBody(body)) {
                throw new IllegalArgumentException("corridor.subscriber.bodies: \"" + body + "\" is not a known body (one of "
                        + String.join(", ", reference.bodyIds()) + ")");
            }
        }
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            List<String> topics = new ArrayList<>(bodies.stream().map(Topics::feed).toList());
            bodies.forEach(body -> topics.add(Topics.parked(body)));
            topics.add(Topics.RECEIPTS);
            TopicAdmin.ensure(admin, topics, 3, properties.replicationFactor());
        }
        AvroDeserializer<TraffickingAlert> alerts = new AvroDeserializer<>(registry);
        alerts.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Map<String, Object> producerProps = new HashMap<>(kafka.buildProducerProperties());
        producerProps.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Parking writes a feed record plus an error header: allowed as large as the feed's records.
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DOWNSTREAM_MAX_BYTES);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        Receipts receipts = new Receipts(producer, new AvroSerializer<>(registry, Map.of(), false), Clock.systemUTC());
        Deadlines deadlines = new Deadlines(properties.ackDeadlines(), receipts, meters, Clock.systemUTC());
        Map<String, SubscriberService.BodyDelivery> deliveries = new java.util.LinkedHashMap<>();
        bodies.forEach(body -> deliveries.put(body, delivery(properties, body, receipts, producer)));
        Map<String, Map<String, Object>> bodyClients = new HashMap<>();
        properties.bodyPasswords().forEach((body, password) ->
                bodyClients.put(body, ScramClient.settings(Principals.body(body), password)));
        return new SubscriberService(properties.instanceId(), kafka.buildConsumerProperties(), bodyClients, deliveries, alerts, receipts, deadlines, meters);
    }

    /** The webhook of a body, if it has one: retried, then parked. */
    static java.util.Optional<ResilientDelivery> webhook(SubscriberProperties properties, String body, Receipts receipts,
                                                          KafkaProducer<String, byte[]> producer) {
        SubscriberProperties.Webhook hook = properties.webhooks().get(body);
        if (hook == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ResilientDelivery(body, new WebhookSink(java.net.URI.create(hook.url()), hook.secret(),
                hook.timeout()), properties.webhookMaxAttempts(), properties.webhookBackoff(), properties.webhookMaxBackoff(),
                receipts, producer));
    }

    private static SubscriberService.BodyDelivery delivery(SubscriberProperties properties, String body, Receipts receipts,
                                                           KafkaProducer<String, byte[]> producer) {
        return webhook(properties, body, receipts, producer)
                .<SubscriberService.BodyDelivery>map(w -> w)
                .orElseGet(() -> SubscriberService.direct(body, sink(properties, body), receipts));
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
