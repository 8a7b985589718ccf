package org.corridor.producer.rest;

import org.corridor.support.serde.Serdes;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.corridor.producer.status.AlertStatusView;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.thread.InboxReader;
import org.corridor.support.kafka.PartyTopicReader;
import org.corridor.schemas.avro.CorrelationNotice;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.support.http.BodyLimitFilter;
import org.corridor.producer.publish.PublisherFactory;
import org.corridor.producer.publish.ResponsePublisher;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.support.state.StateStore;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The REST ingest's beans: publisher, validator, filters, metrics; creates the agencies' inbound topics at start. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = {IngestConfiguration.class, org.corridor.producer.status.StatusAuth.class})
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

    /** The one path whose bodies may be larger ({@code corridor.ingest.batch-max-body-size}). */
    static final String BATCH_PATH = "/api/v1/alerts/batch";
    /** An agency's TAXII write collection takes envelopes as large as batches (its API root says so). */
    static final java.util.regex.Pattern TAXII_OBJECTS = java.util.regex.Pattern.compile("/taxii2/[^/]+/collections/[^/]+/objects/");

    @Bean
    Clock ingestClock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertValidator alertValidator(Clock clock) {
        return new AlertValidator(ReferenceData.defaults(), clock);
    }

    @Bean
    AgencyTokens agencyTokens(IngestProperties properties) {
        return new AgencyTokens(properties.agencies());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    TaxiiStatuses taxiiStatuses(IngestProperties properties) {
        return new TaxiiStatuses(properties.idempotencyTtl());
    }

    @Bean
    IdempotencyCache idempotencyCache(IngestProperties properties) {
        return new IdempotencyCache(properties.idempotencyTtl());
    }

    @Bean(destroyMethod = "close")
    AgencyPublishers agencyPublishers(KafkaProperties kafka, IngestProperties properties, AlertValidator validator,
                                  MeterRegistry meters, Followers ingestFollowers) {
        Map<String, Object> client = new HashMap<>(kafka.buildProducerProperties());
        client.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        client.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        // Answer 503 within the publish timeout rather than block a request for Kafka's 2-minute default.
        long timeout = properties.publishTimeout().toMillis();
        client.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeout / 3));
        client.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout / 3));
        client.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2000, timeout - 1000));
        // A request waits for its acknowledgement, so linger would add to every answer; the records of requests in
        // flight together still share batches (the producer batches what queued while a request was in flight).
        client.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        ensureInboundTopics(kafka, properties);
        // One store per agency's topic under publisher/: each agency's alerts go through one of these publishers.
        java.nio.file.Path index = properties.stateDir() == null ? null : properties.stateDir().resolve("publisher");
        AgencyPublishers publishers = new AgencyPublishers(client, properties.agencies(), c -> PublisherFactory.create(c,
                Map.of(RegistryClientConfig.URL, properties.schemaRegistryUrl()), validator, ingestFollowers, index));
        publishers.all().forEach(p -> new KafkaClientMetrics(p.kafkaProducer()).bindTo(meters));
        return publishers;
    }

    /**
     * The agencies' responses: each agency's written by a producer that authenticates as the agency (on a secured
     * broker, whose ACLs let it write its own responses topic only), its thread read from its inbox as the agency.
     */
    @Bean(destroyMethod = "close")
    AgencyResponses agencyResponses(KafkaProperties kafka, IngestProperties properties, AlertStatusView statuses,
                                    AgencyPublishers publishers) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        BiFunction<Map<String, Object>, String, Map<String, Object>> as = asAgency(properties);
        Map<String, Object> serde = Map.of(RegistryClientConfig.URL, properties.schemaRegistryUrl());
        ResponseValidator validator = new ResponseValidator(ReferenceData.defaults());
        AvroDeserializer<AlertResponse> reader = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())), AlertResponse.class);
        return new AgencyResponses(statuses, validator,
                agency -> ResponsePublisher.create(as.apply(producer, agency), serde, validator),
                agency -> new InboxReader(as.apply(consumer, agency), reader, Duration.ofSeconds(10)), publishers::of,
                properties.publishTimeout(), Clock.systemUTC());
    }

    /** Kafka client settings over {@code base} that act as the agency, with its own credential where it has one. */
    private static BiFunction<Map<String, Object>, String, Map<String, Object>> asAgency(IngestProperties properties) {
        Map<String, String> passwords = new HashMap<>();
        properties.agencies().stream().filter(a -> a.kafkaPassword() != null).forEach(a -> passwords.put(a.id(), a.kafkaPassword()));
        return (base, agency) -> {
            Map<String, Object> props = new HashMap<>(base);
            if (passwords.containsKey(agency)) {
                props.putAll(ScramClient.settingsOver(base, Principals.agency(agency), passwords.get(agency)));
            }
            return props;
        };
    }

    /** Each agency's blind notices, read from its own links topic as the agency. */
    @Bean
    AgencyNotices agencyNotices(KafkaProperties kafka, IngestProperties properties) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        BiFunction<Map<String, Object>, String, Map<String, Object>> as = asAgency(properties);
        AvroDeserializer<CorrelationNotice> reader = Serdes.reader(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())), CorrelationNotice.class);
        return agency -> new PartyTopicReader<>(as.apply(consumer, agency), reader, Duration.ofSeconds(10))
                .read(Topics.agencyLinks(agency), key -> key.startsWith(agency + "/"));
    }

    /**
     * Receipts of the agencies' inbox deliveries and of overdue questions, written with this service's own principal
     * (it may write {@code alerts.inbox-receipts}; the agencies may not), through a producer of their own.
     */
    @Bean(destroyMethod = "close")
    org.corridor.support.inbox.InboxReceipts ingestInboxReceipts(KafkaProperties kafka, IngestProperties properties) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "corridor-ingest-inbox-receipts");
        return org.corridor.support.inbox.InboxReceipts.withOwnProducer(producer, Serdes.writer(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())),
                org.corridor.schemas.avro.InboxReceipt.class), Clock.systemUTC());
    }

    /**
     * Delivers each agency's inbox into its webhook or files, read as the agency; the receipts are written as this
     * service. Stopped before the receipts' producer closes.
     */
    @Bean(destroyMethod = "close")
    org.corridor.support.inbox.InboxDeliveries agencyInboxes(KafkaProperties kafka, IngestProperties properties, MeterRegistry meters,
                                                             org.corridor.support.inbox.InboxReceipts ingestInboxReceipts,
                                                             AgencyPublishers agencyPublishers) {
        // agencyPublishers: created first, with the agencies' topics and alerts.inbox-receipts.
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        Map<String, String> passwords = new HashMap<>();
        properties.agencies().stream().filter(a -> a.kafkaPassword() != null).forEach(a -> passwords.put(a.id(), a.kafkaPassword()));
        org.corridor.support.inbox.InboxDeliveries.Settings settings = new org.corridor.support.inbox.InboxDeliveries.Settings(
                properties.inboxSink(), properties.inboxDir(), properties.inboxWebhooks(), properties.inboxRetryBackoff(),
                Duration.ofSeconds(30), "corridor.ingest");
        return org.corridor.support.inbox.InboxDeliveries.start(
                properties.agencies().stream().map(a -> new Topics.Party(false, a.id())).toList(),
                party -> {
                    Map<String, Object> props = new HashMap<>(consumer);
                    if (passwords.containsKey(party.id())) {
                        props.putAll(ScramClient.settingsOver(consumer, Principals.agency(party.id()), passwords.get(party.id())));
                    }
                    return props;
                },
                Serdes.reader(new CachingSchemaRegistryClient(RegistryClientConfig.of(properties.schemaRegistryUrl())),
                        AlertResponse.class),
                ingestInboxReceipts, settings, meters, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    BlockingPublications blockingPublications(IngestProperties properties) {
        return new BlockingPublications(properties.correctionThreads(), properties.correctionQueue());
    }

    /**
     * The handlers answer 503 at {@code publish-timeout} by themselves; Spring MVC's own async timeout (Tomcat's 30 s
     * by default) must come later, or a longer publish timeout would end in its bare 503 instead.
     */
    @Bean
    WebMvcConfigurer ingestAsync(IngestProperties properties) {
        long timeout = properties.publishTimeout().plusSeconds(30).toMillis();
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(timeout);
            }
        };
    }

    private static void ensureInboundTopics(KafkaProperties kafka, IngestProperties properties) {
        if (properties.agencies().isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            // Each agency's inbound topic, its side of the return channel (its responses, its inbox), its blind notices.
            TopicAdmin.ensure(admin, properties.agencies().stream().flatMap(a -> java.util.stream.Stream.of(
                            Topics.inbound(a.id()), Topics.agencyResponses(a.id()), Topics.agencyInbox(a.id()),
                            Topics.agencyLinks(a.id()))).toList(),
                    properties.inboundPartitions(), properties.replicationFactor());
            TopicAdmin.ensure(admin, java.util.List.of(Topics.INBOX_RECEIPTS),
                    properties.inboundPartitions(), properties.replicationFactor());
        }
    }

    @Bean(destroyMethod = "close")
    org.corridor.producer.status.AlertStatusView alertStatusView(KafkaProperties kafka, IngestProperties properties,
                                                                 Followers ingestFollowers) {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            TopicAdmin.ensure(admin, java.util.List.of(Topics.AUDIT, Topics.RECEIPTS), properties.inboundPartitions(),
                    properties.replicationFactor());
        }
        org.corridor.schemas.registry.SchemaRegistryClient registry = new org.corridor.support.registry.CachingSchemaRegistryClient(
                RegistryClientConfig.of(properties.schemaRegistryUrl()));
        org.corridor.support.serde.AvroDeserializer<org.corridor.schemas.avro.RoutingDecision> decisions =
                Serdes.reader(registry, org.corridor.schemas.avro.RoutingDecision.class);
        org.corridor.support.serde.AvroDeserializer<org.corridor.schemas.avro.DeliveryReceipt> receipts =
                Serdes.reader(registry, org.corridor.schemas.avro.DeliveryReceipt.class);
        StateStore store = StateStore.open(properties.stateDir() == null ? null : properties.stateDir().resolve("status"),
                "ingest-status");
        org.corridor.producer.status.AlertStatusView view;
        try {
            IngestProperties.QuestionDueTimes due = properties.questionDue();
            view = new org.corridor.producer.status.AlertStatusView(kafka.buildConsumerProperties(), decisions, receipts, store,
                    new org.corridor.producer.status.QuestionDue(due.urgent(), due.priority(), due.routine()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        ingestFollowers.add(view.follower());
        return view;
    }

    /** Escalates questions to the originators that are past due and unanswered ({@code question-check-interval}). */
    @Bean(destroyMethod = "close")
    org.corridor.producer.status.QuestionWatcher questionWatcher(org.corridor.producer.status.AlertStatusView view,
                                                                 IngestProperties properties, MeterRegistry meters,
                                                                 org.corridor.support.inbox.InboxReceipts receipts) {
        return org.corridor.producer.status.QuestionWatcher.every(properties.questionCheckInterval(), view, meters,
                Clock.systemUTC(), o -> receipts.escalated(o.agency(), o.questionId(), o.alertId(), o.version(),
                        "question of " + o.body() + (o.priority() == null ? "" : " (" + o.priority() + ")") + " past due, unanswered")
                        .whenComplete((ok, e) -> {
                            if (e != null) {
                                org.slf4j.LoggerFactory.getLogger(IngestConfiguration.class).warn(
                                        "The ESCALATED receipt of question {} was not written: {}", o.questionId(), e.toString());
                            }
                        }));
    }

    /** Counts open and overdue questions and each body's feedback for the monitor ({@code feedback-interval}). */
    @Bean(destroyMethod = "close")
    org.corridor.producer.status.ReturnChannelGauges returnChannelGauges(org.corridor.producer.status.AlertStatusView view,
                                                                         IngestProperties properties, MeterRegistry meters) {
        return org.corridor.producer.status.ReturnChannelGauges.every(properties.feedbackInterval(), properties.feedbackAge(),
                view, meters, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(IngestProperties properties, IngestMetrics metrics) {
        // Every request, before anything is parsed: deciding by the raw URI would let /api;x/... by.
        // The batch path alone gets the larger limit; any other spelling of it gets the smaller one (fails closed).
        long single = properties.maxBodySize().toBytes();
        long batch = properties.batchMaxBodySize().toBytes();
        FilterRegistrationBean<BodyLimitFilter> bean = new FilterRegistrationBean<>(new BodyLimitFilter(
                request -> BATCH_PATH.equals(request.getRequestURI()) || TAXII_OBJECTS.matcher(request.getRequestURI()).matches()
                        ? batch : single,
                () -> metrics.rejected(null, IngestMetrics.Reason.TOO_LARGE)));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    @Bean
    AgencyRateLimits agencyRateLimits(IngestProperties properties) {
        return new AgencyRateLimits(Math.max(1, properties.rateLimit()));
    }

    @Bean
    FilterRegistrationBean<AgencyRateLimitFilter> agencyRateLimitFilter(IngestProperties properties, AgencyRateLimits limits,
                                                                      IngestMetrics metrics) {
        FilterRegistrationBean<AgencyRateLimitFilter> bean = new FilterRegistrationBean<>(
                new AgencyRateLimitFilter(limits, metrics));
        bean.setEnabled(properties.rateLimit() > 0);
        // After Spring Security's chain, which authenticates the agency whose budget this counts.
        bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return bean;
    }
}
