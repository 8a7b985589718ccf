package org.corridor.consumer.delivery;

import org.corridor.support.inbox.InboxDeliveries;
import org.corridor.support.inbox.InboxReceipts;
import org.corridor.schemas.avro.InboxReceipt;
import org.corridor.support.serde.Serdes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.support.thread.InboxReader;
import org.corridor.support.state.StateStore;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.schemas.topics.Topics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The subscribers' beans: the sinks, the receipts producer, the admin client, receipts, deliveries, acknowledgements,
 * deadlines and re-drives; the feed listeners are {@link FeedListenerConfiguration}'s. Import it into a context of its
 * own. Everything that holds a client, a thread or a file is closed with the context, after the listeners have stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriberProperties.class)
@Import({FeedListenerConfiguration.class, SubscriberFollowerHealth.class})
public class SubscriberConfiguration {

    @Bean
    SubscriberMetrics subscriberMetrics(MeterRegistry registry) {
        return new SubscriberMetrics(registry);
    }

    /** One registry client (and its caches) for the feeds, the receipts and the deadline follower. */
    @Bean
    SchemaRegistryClient subscriberRegistryClient(SubscriberProperties properties) {
        return new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl()));
    }

    /** Unreadable records go to the dead-letter topic through the receipts' producer (it allows their size). */
    @Bean
    FeedReader feedReader(SchemaRegistryClient registry, KafkaProducer<String, byte[]> subscriberProducer) {
        AvroDeserializer<TraffickingAlert> alerts = Serdes.reader(registry, TraffickingAlert.class);
        return new FeedReader(alerts, new DeadLetters(subscriberProducer));
    }

    /**
     * Writes receipts, parks records and dead-letters unreadable ones: idempotent, acks=all, never transactional, allowed records as large as the
     * feed's (a parked record is a feed record plus an error header). Closed with the context.
     */
    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> subscriberProducer(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DOWNSTREAM_MAX_BYTES);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Flushed with the context, before the producer closes. */
    @Bean(destroyMethod = "close")
    Receipts receipts(KafkaProducer<String, byte[]> subscriberProducer, SchemaRegistryClient registry) {
        return new Receipts(subscriberProducer, Serdes.writer(registry, DeliveryReceipt.class), Clock.systemUTC());
    }

    /** Validates the bodies and builds their sinks; the file sinks are closed with the context. */
    @Bean(destroyMethod = "close")
    FeedSinks feedSinks(SubscriberProperties properties, Receipts receipts, KafkaProducer<String, byte[]> subscriberProducer) {
        return FeedSinks.of(properties, ReferenceData.defaults(), receipts, subscriberProducer);
    }

    /** Creates the served bodies' feed and parked topics and the receipts topic when they are missing. */
    @Bean(destroyMethod = "close")
    Admin subscriberAdmin(KafkaProperties kafka, SubscriberProperties properties, FeedSinks sinks) {
        Admin admin = Admin.create(kafka.buildAdminProperties());
        List<String> topics = new ArrayList<>(sinks.bodies().stream().map(Topics::feed).toList());
        sinks.bodies().forEach(body -> topics.add(Topics.parked(body)));
        topics.add(Topics.RECEIPTS);
        topics.add(Topics.INBOX_RECEIPTS);
        TopicAdmin.ensure(admin, topics, 3, properties.replicationFactor());
        return admin;
    }

    /** What the TAXII server may read: a body's own principal's settings, only for the bodies served here. */
    @Bean
    org.corridor.consumer.taxii.TaxiiAccess taxiiAccess(FeedSinks sinks, BodyClients clients) {
        return body -> sinks.of(body).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(clients.forBody(body));
    }

    @Bean
    BodyClients bodyClients(KafkaProperties kafka, SubscriberProperties properties) {
        return new BodyClients(kafka.buildConsumerProperties(), properties.bodyPasswords());
    }

    /** What the subscribers keep of {@code alerts.receipts}: deliveries per body and acknowledgement clocks. */
    @Bean(destroyMethod = "close")
    StateStore subscriberState(SubscriberProperties properties) {
        return StateStore.open(properties.stateDir(), "subscriber-" + properties.instanceId());
    }

    @Bean
    Deadlines deadlines(SubscriberProperties properties, Receipts receipts, SubscriberMetrics metrics, StateStore subscriberState) {
        return new Deadlines(properties.ackDeadlines(), receipts, metrics, Clock.systemUTC(), subscriberState);
    }

    /** What each body was delivered, so it acknowledges only that. */
    @Bean
    DeliveredAlerts deliveredAlerts(StateStore subscriberState) {
        return new DeliveredAlerts(subscriberState);
    }

    @Bean(destroyMethod = "close")
    DeadlineFollower deadlineFollower(Deadlines deadlines, DeliveredAlerts delivered, FeedSinks sinks, KafkaProperties kafka,
                                      SchemaRegistryClient registry, StateStore subscriberState) {
        AvroDeserializer<DeliveryReceipt> receipts = Serdes.reader(registry, DeliveryReceipt.class);
        return new DeadlineFollower(kafka.buildConsumerProperties(), receipts, deadlines, delivered, sinks.bodies(),
                subscriberState);
    }

    @Bean
    DeliveryChecks deliveryChecks(DeliveredAlerts delivered, DeadlineFollower follower, SubscriberProperties properties) {
        return new DeliveryChecks(delivered, follower.follower()::caughtUp, properties.ackReadTimeout());
    }

    @Bean
    Acknowledgements acknowledgements(DeliveryChecks deliveryChecks, Receipts receipts, Deadlines deadlines) {
        return new Acknowledgements(deliveryChecks, receipts, deadlines);
    }

    /**
     * The bodies' responses: each body's written by a producer that authenticates as the body (on a secured broker,
     * whose ACLs let it write its own responses topic only), its thread read from its inbox as the body.
     */
    @Bean(destroyMethod = "close")
    BodyResponses bodyResponses(DeliveryChecks deliveryChecks, KafkaProperties kafka, SubscriberProperties properties,
                                BodyClients clients, SchemaRegistryClient registry) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Function<String, Producer<String, byte[]>> factory = body -> {
            Map<String, Object> props = new HashMap<>(producer);
            String password = properties.bodyPasswords().get(body);
            if (password != null) {
                props.putAll(ScramClient.settingsOver(producer,
                        Principals.body(body), password));
            }
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "corridor-responses-" + Topics.slug(body));
            return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        };
        AvroDeserializer<AlertResponse> reader =
                Serdes.reader(registry, AlertResponse.class);
        return new BodyResponses(deliveryChecks, new ResponseValidator(ReferenceData.defaults()), factory,
                Serdes.writer(registry, AlertResponse.class),
                body -> new InboxReader(clients.forBody(body), reader, Duration.ofSeconds(10)),
                Duration.ofSeconds(10), Clock.systemUTC());
    }

    /**
     * Delivers each served body's inbox into its webhook or files, as the body, with receipts written by this
     * service's producer. Stopped before the producer closes.
     */
    @Bean(destroyMethod = "close")
    InboxDeliveries bodyInboxes(SubscriberProperties properties, FeedSinks sinks, BodyClients clients,
                                KafkaProducer<String, byte[]> subscriberProducer, SchemaRegistryClient registry,
                                MeterRegistry meters, Admin subscriberAdmin) {
        InboxDeliveries.Settings settings = new InboxDeliveries.Settings(properties.inboxSink(), properties.inboxDir(),
                properties.inboxWebhooks(), properties.retryBackoff(), properties.maxRetryBackoff(), "corridor.subscriber");
        InboxReceipts receipts = new InboxReceipts(subscriberProducer, Serdes.writer(registry, InboxReceipt.class), Clock.systemUTC());
        return InboxDeliveries.start(sinks.bodies().stream().map(b -> new Topics.Party(true, b)).toList(),
                party -> clients.forBody(party.id()), Serdes.reader(registry, AlertResponse.class), receipts, settings,
                meters, Clock.systemUTC());
    }

    @Bean
    ResponseIdempotency responseIdempotency() {
        return new ResponseIdempotency(Duration.ofHours(24), 10_000, Clock.systemUTC());
    }

    @Bean
    DeadlineWatcher deadlineWatcher(Deadlines deadlines, SubscriberProperties properties) {
        return new DeadlineWatcher(deadlines, properties.deadlineCheckInterval());
    }

    @Bean
    Redriver redriver(FeedSinks sinks, BodyClients clients, FeedReader reader, Receipts receipts, DeliveredAlerts delivered,
                      SubscriberProperties properties) {
        return new Redriver(sinks, clients, reader, receipts, delivered, properties);
    }
}
