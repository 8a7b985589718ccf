package org.corridor.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.registry.RegistryApplication;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exchange around a service under test: a real schema registry on the test broker, and helpers to create topics,
 * publish as agencies, and read and decode what landed. Launch helpers of each service live beside its tests
 * ({@code Routers}, {@code Subscribers}).
 */
public final class ExchangeFixture implements AutoCloseable {

    public final TestKafka kafka;
    public final ConfigurableApplicationContext registry;
    public final String registryUrl;
    public final SchemaRegistryClient client;

    public ExchangeFixture(TestKafka kafka, String registryTopic) {
        this(kafka, registryTopic, Map.of());
    }

    /** @param registryExtra more registry settings, such as its topic's replication factor */
    public ExchangeFixture(TestKafka kafka, String registryTopic, Map<String, Object> registryExtra) {
        this.kafka = kafka;
        Map<String, Object> props = new HashMap<>(RegistryApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("corridor.registry.topic", registryTopic);
        props.put("corridor.registry.writer-id", "writer-" + registryTopic);
        props.putAll(registryExtra);
        this.registry = new SpringApplicationBuilder(RegistryApplication.class).properties(props).run();
        this.registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
        this.client = new CachingSchemaRegistryClient(RegistryClientConfig.of(registryUrl));
    }

    /** Creates a topic as the services do (from its {@link Topics#spec} descriptor), replication factor 1, unless it exists. */
    public void createTopic(String name, int partitions) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            org.corridor.support.kafka.TopicAdmin.ensure(admin, List.of(name), partitions, (short) 1);
        }
    }

    /** Publishes alerts to their agencies' inbound topics as an agency would (Avro, key = id, origin header). */
    public void publish(List<TraffickingAlert> alerts) {
        AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(client, Map.of(), false);
        alerts.stream().map(a -> Topics.inbound(a.getOriginAgency().getAgencyId())).distinct()
                .forEach(topic -> kafka.createTopic(topic, 3));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (TraffickingAlert a : alerts) {
                String topic = Topics.inbound(a.getOriginAgency().getAgencyId());
                producer.send(new ProducerRecord<>(topic, null, a.getAlertId().toString(), serializer.serialize(topic, a),
                        List.of(new RecordHeader(Headers.ORIGIN_AGENCY, a.getOriginAgency().getAgencyId().getBytes(StandardCharsets.UTF_8)))));
            }
            producer.flush();
        }
    }

    /** Sends raw bytes to an inbound topic, for poison pills. */
    public void publishRaw(String topic, String key, byte[] value) {
        kafka.createTopic(topic, 3);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    public TraffickingAlert decodeAlert(ConsumerRecord<String, byte[]> r) {
        AvroDeserializer<TraffickingAlert> d = new AvroDeserializer<>(client);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return d.deserialize(r.topic(), r.value());
    }

    public RoutingDecision decodeDecision(ConsumerRecord<String, byte[]> r) {
        AvroDeserializer<RoutingDecision> d = new AvroDeserializer<>(client);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return d.deserialize(r.topic(), r.value());
    }

    /** Committed records of a topic whose key is one of the ids. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, Set<String> ids) {
        return select(topic, r -> ids.contains(r.key()));
    }

    public List<ConsumerRecord<String, byte[]>> select(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : kafka.readAll(topic)) {
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Waits until the audit topic holds at least this many decisions for the ids. */
    /** The bodies whose feed holds that version of the alert. */
    public Set<String> bodiesHolding(String id, int version) {
        Set<String> bodies = new java.util.TreeSet<>();
        for (String body : org.corridor.schemas.reference.ReferenceData.defaults().bodyIds()) {
            for (ConsumerRecord<String, byte[]> r : records(Topics.feed(body), Set.of(id))) {
                if (decodeAlert(r).getVersion() == version) {
                    bodies.add(body);
                }
            }
        }
        return bodies;
    }

    public void awaitDecisions(Set<String> ids, int count, Duration timeout) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> records(Topics.AUDIT, ids).size() >= count);
    }

    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        registry.close();
    }
}
