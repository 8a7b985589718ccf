package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
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
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Webhook delivery against a real HTTP server: signed, retried, parked when it stays down, re-driven. */
@ExtendWith(KafkaBrokerExtension.class)
class WebhookDeliveryIT {

    private static final String SECRET = "s3cret-shared-with-the-body";
    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;
    private final List<Map<String, String>> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = down || failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                accepted.add(Map.of("body", new String(body, StandardCharsets.UTF_8),
                        "signature", exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE),
                        "expected", WebhookSink.sign(body, SECRET.getBytes(StandardCharsets.UTF_8)),
                        "key", exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private ConfigurableApplicationContext subscriber(ExchangeFixture fixture, String body) {
        Map<String, Object> props = Subscribers.properties(fixture, body);
        props.put("corridor.subscriber.webhooks[" + body + "].url", "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
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
            assertThat(accepted).hasSize(1);
            assertThat(accepted.get(0).get("signature")).isEqualTo(accepted.get(0).get("expected")).startsWith("sha256=");
            assertThat(accepted.get(0).get("key")).isEqualTo(id + ":1");
            assertThat(accepted.get(0).get("body")).contains("\"alertId\":\"" + id + "\"");
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
            assertThat(accepted).isEmpty();

            down = false;
            String url = "http://localhost:" + subscriber.getEnvironment().getProperty("local.server.port") + "/api/v1/feeds/SELEC/redrive";
            HttpResponse<String> redrive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redrive.statusCode()).isEqualTo(200);
            assertThat(redrive.body()).isEqualTo("{\"body\":\"SELEC\",\"delivered\":5,\"parkedAgain\":0}");
            assertThat(accepted).hasSize(5);
            for (String id : ids) {
                assertThat(receipts(fixture, id)).extracting(DeliveryReceipt::getStatus).contains(DeliveryStatus.PARKED)
                        .last().isEqualTo(DeliveryStatus.DELIVERED);
            }
        }
    }
}
