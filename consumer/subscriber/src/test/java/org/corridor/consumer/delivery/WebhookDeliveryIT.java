package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.schemas.topics.Headers;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.delivery.SubscriberApplication;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook delivery against a real HTTP server that verifies each request's Standard Webhooks signature: signed,
 * retried under one webhook-id, parked when it stays down, re-driven under the same ids.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WebhookDeliveryIT {

    private static final String SECRET = "whsec_czNjcmV0LXNoYXJlZC13aXRoLXRoZS1ib2R5LW9mLTMyYg==";
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;
    /** The body's endpoint: it verifies every request's Standard Webhooks signature and refuses replays. */
    private SignedReceiver receiver;

    @BeforeEach
    void startEndpoint() throws IOException {
        receiver = new SignedReceiver(SECRET, Clock.systemUTC())
                .answering(n -> down || failuresLeft.getAndDecrement() > 0 ? 503 : 200);
    }

    @AfterEach
    void stopEndpoint() {
        receiver.close();
    }

    private ConfigurableApplicationContext subscriber(ExchangeFixture fixture, String body) {
        Map<String, Object> props = Subscribers.properties(fixture, body);
        props.put("corridor.subscriber.webhooks[" + body + "].url", receiver.url().toString());
        props.put("corridor.subscriber.webhooks[" + body + "].secret", SECRET);
        props.put("corridor.subscriber.webhook-max-attempts", "4");
        props.put("corridor.subscriber.webhook-backoff", "50ms");
        props.put("corridor.subscriber.webhook-max-backoff", "200ms");
        return new SpringApplicationBuilder(SubscriberApplication.class).properties(props).run();
    }

    private static List<TraffickingAlert> toFeed(ExchangeFixture fixture, String body, int count) {
        String topic = Topics.feed(body);
        fixture.createTopic(topic, 3);
        AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
        List<TraffickingAlert> alerts = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
            for (int i = 0; i < count; i++) {
                TraffickingAlert a = Alerts.neutral().setAlertId(UUID.randomUUID()).build();
                alerts.add(a);
                producer.send(new ProducerRecord<>(topic, a.getAlertId().toString(), serializer.serialize(topic, a)));
            }
            producer.flush();
        }
        return alerts;
    }

    private static List<DeliveryReceipt> receipts(ExchangeFixture fixture, String id) {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(fixture.client);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return fixture.records(Topics.RECEIPTS, Set.of(id)).stream().map(r -> d.deserialize(r.topic(), r.value())).toList();
    }

    @Test
    void alertArrivesOnceSignedAfterThreeFailures(TestKafka kafka) {
        failuresLeft.set(3);
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-webhook-it");
             ConfigurableApplicationContext subscriber = subscriber(fixture, "UNODC")) {
            TraffickingAlert alert = toFeed(fixture, "UNODC", 1).get(0);
            String id = alert.getAlertId().toString();
            await().atMost(Duration.ofSeconds(60)).until(() -> receipts(fixture, id).stream()
                    .anyMatch(r -> r.getStatus() == DeliveryStatus.DELIVERED));
            assertThat(receiver.refused).as("every request's signature verified").isEmpty();
            assertThat(receiver.accepted).hasSize(1);
            assertThat(receiver.attempts).as("four attempts, one webhook-id: the receiver's idempotency key").hasSize(4)
                    .extracting(SignedReceiver.Received::id).containsOnly(receiver.accepted.get(0).id());
            assertThat(receiver.accepted.get(0).header("Idempotency-Key")).isEqualTo(Delivery.idempotencyKey(alert));
            assertThat(receiver.accepted.get(0).body()).contains("\"alertId\":\"" + id + "\"");
            assertThat(receipts(fixture, id)).extracting(DeliveryReceipt::getStatus).containsExactly(
                    DeliveryStatus.FAILED, DeliveryStatus.FAILED, DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);
            assertThat(receipts(fixture, id)).extracting(DeliveryReceipt::getAttempt).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void endpointDownParksEverythingAndRedriveDeliversIt(TestKafka kafka) throws Exception {
        down = true;
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-webhook-park-it");
             ConfigurableApplicationContext subscriber = subscriber(fixture, "SELEC")) {
            List<TraffickingAlert> alerts = toFeed(fixture, "SELEC", 5);
            Set<String> ids = new java.util.HashSet<>();
            alerts.forEach(a -> ids.add(a.getAlertId().toString()));
            await().atMost(Duration.ofSeconds(90)).until(() -> fixture.records(Topics.parked("SELEC"), ids).size() == 5);
            for (ConsumerRecord<String, byte[]> parked : fixture.records(Topics.parked("SELEC"), ids)) {
                assertThat(ExchangeFixture.header(parked, Headers.PARKED_ERROR)).isNotBlank();
                assertThat(fixture.decodeAlert(parked).getAlertId().toString()).isEqualTo(parked.key());
                assertThat(receipts(fixture, parked.key())).extracting(DeliveryReceipt::getStatus).contains(DeliveryStatus.PARKED);
            }
            assertThat(receiver.accepted).isEmpty();

            down = false;
            String url = "http://localhost:" + subscriber.getEnvironment().getProperty("local.server.port") + "/api/v1/feeds/SELEC/redrive";
            HttpResponse<String> redrive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", TestHttpUsers.operator()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redrive.statusCode()).isEqualTo(200);
            assertThat(redrive.body()).isEqualTo("{\"body\":\"SELEC\",\"delivered\":5,\"parkedAgain\":0}");
            assertThat(receiver.accepted).hasSize(5);
            assertThat(receiver.refused).isEmpty();
            Set<String> parkedIds = new java.util.HashSet<>();
            receiver.attempts.stream().limit(receiver.attempts.size() - 5L).forEach(a -> parkedIds.add(a.id()));
            assertThat(receiver.accepted).extracting(SignedReceiver.Received::id).doesNotHaveDuplicates()
                    .as("a re-drive sends the ids of the attempts that failed").containsAll(parkedIds);
            for (String id : ids) {
                assertThat(receipts(fixture, id)).extracting(DeliveryReceipt::getStatus).contains(DeliveryStatus.PARKED)
                        .last().isEqualTo(DeliveryStatus.DELIVERED);
            }
        }
    }
}
