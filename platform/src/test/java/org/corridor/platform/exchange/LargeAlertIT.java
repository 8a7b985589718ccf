package org.corridor.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.consumer.delivery.Subscribers;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.router.Routers;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.router.AlertTemplates;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.consumer.router.AlertTemplates.Template;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Alerts as large as an inbound topic takes (Kafka's default limit of 1 MiB per request, which the publisher library
 * keeps): a valid one reaches every feed it concerns and a body's file sink byte for byte; an invalid one of the same
 * size is dead-lettered with its original bytes; routing goes on behind them. The feed and dead-letter records carry
 * more headers than the inbound one, so their topics and the router's producer must allow a little more.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LargeAlertIT {

    /** The producer's default max.request.size: a record batch of one record, key and headers included. */
    private static final int KAFKA_DEFAULT_LIMIT = 1_048_576;

    @TempDir
    Path feeds;

    /** A template alert with details padded so the inbound record is within 256 bytes of the limit. */
    private static TraffickingAlert large(Template t, AvroSerializer<TraffickingAlert> serializer, String topic) {
        TraffickingAlert a = TraffickingAlert.newBuilder(t.alert().build()).setAlertId(UUID.randomUUID()).build();
        int base = serializer.serialize(topic, a).length;
        a.setDetails("Ж".repeat((KAFKA_DEFAULT_LIMIT - 256 - base) / 2));
        return a;
    }

    @Test
    void alertsAtTheInboundLimitAreRoutedDeliveredAndDeadLetteredWhole(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-large-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "large-it", Map.of())) {
            Template t = AlertTemplates.templates().stream().filter(x -> x.expected().contains("UNODC")).findFirst().orElseThrow();
            String agency = t.alert().getOriginAgency().getAgencyId();
            String topic = Topics.inbound(agency);
            fixture.kafka.createTopic(topic, 3);
            AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
            TraffickingAlert valid = large(t, serializer, topic);
            byte[] validBytes = serializer.serialize(topic, valid);
            TraffickingAlert spoofed = large(t, serializer, topic);
            spoofed.setOriginAgency(new Agency("de-someone-else", "DE", "Someone else"));
            byte[] spoofedBytes = serializer.serialize(topic, spoofed);
            TraffickingAlert small = TraffickingAlert.newBuilder(t.alert().build()).setAlertId(UUID.randomUUID()).build();
            String validId = valid.getAlertId().toString();
            String spoofedId = spoofed.getAlertId().toString();
            String smallId = small.getAlertId().toString();
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                producer.send(new ProducerRecord<>(topic, null, validId, validBytes, List.of(origin(agency)))).get();
                // Published on this agency's topic under another agency's name: dead-lettered as SPOOFED.
                producer.send(new ProducerRecord<>(topic, null, spoofedId, spoofedBytes, List.of(origin(agency)))).get();
                producer.send(new ProducerRecord<>(topic, null, smallId, serializer.serialize(topic, small), List.of(origin(agency)))).get();
            }
            System.out.printf("large alerts: inbound values of %d and %d bytes%n", validBytes.length, spoofedBytes.length);

            try (ConfigurableApplicationContext subscriber = subscriber(fixture, "UNODC")) {
                fixture.awaitDecisions(Set.of(validId, smallId), 2, Duration.ofSeconds(60));
                Path file = feeds.resolve("unodc");
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lines(file).stream()
                        .filter(l -> l.contains(validId) || l.contains(smallId)).count() == 2);
                String line = lines(file).stream().filter(l -> l.contains(validId)).findFirst().orElseThrow();
                assertThat(line).contains(valid.getDetails());
            }
            for (String body : ReferenceData.defaults().bodyIds()) {
                List<ConsumerRecord<String, byte[]>> onFeed = fixture.records(Topics.feed(body), Set.of(validId, smallId));
                if (t.expected().contains(body)) {
                    assertThat(onFeed).as("feed of %s", body).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(validId, smallId);
                    assertThat(onFeed.stream().filter(r -> r.key().equals(validId)).findFirst().orElseThrow().value())
                            .as("the large alert on %s's feed, byte for byte", body).isEqualTo(validBytes);
                } else {
                    assertThat(onFeed).as("feed of %s", body).isEmpty();
                }
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixture.records(Topics.DEAD_LETTERS, Set.of(spoofedId)).size() == 1);
            ConsumerRecord<String, byte[]> dead = fixture.records(Topics.DEAD_LETTERS, Set.of(spoofedId)).get(0);
            assertThat(dead.value()).as("original bytes kept").isEqualTo(spoofedBytes);
            assertThat(ExchangeFixture.header(dead, Headers.DLQ_REASON_CODE)).isEqualTo(DeadLetter.SPOOFED);
            assertThat(fixture.records(Topics.AUDIT, Set.of(validId, smallId, spoofedId))).hasSize(2);
        }
    }

    private static RecordHeader origin(String agency) {
        return new RecordHeader(Headers.ORIGIN_AGENCY, agency.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            List<String> all = new java.util.ArrayList<>();
            for (Path f : files.toList()) {
                all.addAll(Files.readAllLines(f));
            }
            return all;
        }
    }

    private ConfigurableApplicationContext subscriber(ExchangeFixture fixture, String body) {
        Map<String, Object> props = Subscribers.properties(fixture, body);
        props.put("corridor.subscriber.file-dir", feeds.toString());
        return new SpringApplicationBuilder(SubscriberApplication.class).properties(props).run();
    }
}
