package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A body acknowledges only what was delivered to it (issue 19, item 2): an alert never delivered is 404, a version
 * never delivered is 409 naming the delivered ones, and neither writes an ACKNOWLEDGED receipt or stops the deadline,
 * which escalates as if nothing had been said. A delivered version is 202, and the receipt names the alert's origin
 * agency, taken from the delivery. Two agencies' alerts with the same id are two alerts (item 3): two lines in the
 * file, and an acknowledgement must say which. After a restart the deliveries are read back from the receipts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AcknowledgementIT {

    private static final String BODY = "UNODC";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path feeds;

    @TempDir
    Path state;

    private ConfigurableApplicationContext subscriber(ExchangeFixture fixture) {
        return subscriber(fixture, Map.of());
    }

    private ConfigurableApplicationContext subscriber(ExchangeFixture fixture, Map<String, Object> extra) {
        Map<String, Object> props = Subscribers.properties(fixture, BODY);
        props.putAll(extra);
        props.put("corridor.subscriber.file-dir", feeds.toString());
        props.put("corridor.subscriber.ack-deadlines.URGENT", "15s");
        props.put("corridor.subscriber.deadline-check-interval", "200ms");
        return new SpringApplicationBuilder(SubscriberApplication.class).properties(props).run();
    }

    private static TraffickingAlert alert(UUID id, String agency, Priority priority) {
        return Alerts.neutral().setAlertId(id).setPriority(priority).setOriginAgency(new Agency(agency, "KZ", agency)).build();
    }

    private static void toFeed(ExchangeFixture fixture, List<TraffickingAlert> alerts) {
        String topic = Topics.feed(BODY);
        AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>(fixture.client, Map.of(), false);
        try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
            for (TraffickingAlert a : alerts) {
                producer.send(new ProducerRecord<>(topic, a.getAlertId().toString(), serializer.serialize(topic, a)));
            }
            producer.flush();
        }
    }

    private static List<DeliveryReceipt> receipts(ExchangeFixture fixture, UUID id) {
        AvroDeserializer<DeliveryReceipt> d = new AvroDeserializer<>(fixture.client);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return fixture.records(Topics.RECEIPTS, Set.of(id.toString())).stream().map(r -> d.deserialize(r.topic(), r.value())).toList();
    }

    private static List<DeliveryReceipt> receipts(ExchangeFixture fixture, UUID id, DeliveryStatus status) {
        return receipts(fixture, id).stream().filter(r -> r.getStatus() == status).toList();
    }

    private static HttpResponse<String> ack(ConfigurableApplicationContext subscriber, UUID id, String query) throws Exception {
        String url = "http://localhost:" + subscriber.getEnvironment().getProperty("local.server.port") + "/api/v1/feeds/" + BODY
                + "/alerts/" + id + "/ack" + (query == null ? "" : "?" + query);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", TestHttpUsers.basic(TestHttpUsers.bodyUser(BODY)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyAcknowledgesOnlyAVersionDeliveredToIt(TestKafka kafka) throws Exception {
        UUID unanswered = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        UUID never = UUID.randomUUID();
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-ack-it")) {
            fixture.createTopic(Topics.feed(BODY), 3);
            try (ConfigurableApplicationContext subscriber = subscriber(fixture)) {
                toFeed(fixture, List.of(alert(unanswered, "kz-customs", Priority.URGENT), alert(answered, "kz-customs", Priority.URGENT),
                        alert(shared, "kz-customs", Priority.ROUTINE), alert(shared, "tj-drug-control", Priority.ROUTINE)));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                        receipts(fixture, unanswered, DeliveryStatus.DELIVERED).size() == 1
                                && receipts(fixture, answered, DeliveryStatus.DELIVERED).size() == 1
                                && receipts(fixture, shared, DeliveryStatus.DELIVERED).size() == 2);

                HttpResponse<String> neverDelivered = ack(subscriber, never, null);
                assertThat(neverDelivered.statusCode()).as(neverDelivered.body()).isEqualTo(404);
                assertThat(neverDelivered.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(JSON.readTree(neverDelivered.body()).at("/errors/0/field").asString()).isEqualTo("alertId");

                HttpResponse<String> otherVersion = ack(subscriber, unanswered, "version=2");
                assertThat(otherVersion.statusCode()).as(otherVersion.body()).isEqualTo(409);
                JsonNode conflict = JSON.readTree(otherVersion.body());
                assertThat(conflict.at("/errors/0/field").asString()).isEqualTo("version");
                assertThat(conflict.get("deliveredVersions").toString()).isEqualTo("[1]");

                HttpResponse<String> ok = ack(subscriber, answered, null);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
                assertThat(JSON.readTree(ok.body()).get("originAgency").asString()).isEqualTo("kz-customs");
                assertThat(JSON.readTree(ok.body()).get("version").asInt()).as("the latest delivered").isEqualTo(1);

                // Two agencies' alerts with one id: both delivered, and the body says whose it acknowledges.
                try (var files = java.nio.file.Files.list(feeds.resolve("unodc"))) {
                    String lines = String.join("\n", files.map(f -> {
                        try {
                            return java.nio.file.Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList());
                    assertThat(lines).contains("\"idempotencyKey\":\"kz-customs:" + shared + ":1\"")
                            .contains("\"idempotencyKey\":\"tj-drug-control:" + shared + ":1\"");
                }
                HttpResponse<String> ambiguous = ack(subscriber, shared, null);
                assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(409);
                assertThat(JSON.readTree(ambiguous.body()).at("/errors/0/field").asString()).isEqualTo("agency");
                HttpResponse<String> named = ack(subscriber, shared, "agency=tj-drug-control");
                assertThat(named.statusCode()).as(named.body()).isEqualTo(202);

                assertThat(receipts(fixture, never)).as("nothing written for an alert never delivered").isEmpty();
                assertThat(receipts(fixture, unanswered, DeliveryStatus.ACKNOWLEDGED)).as("nor for a version never delivered").isEmpty();
                assertThat(receipts(fixture, answered, DeliveryStatus.ACKNOWLEDGED)).singleElement()
                        .satisfies(r -> assertThat(r.getOriginAgency()).isEqualTo("kz-customs"));
                assertThat(receipts(fixture, shared, DeliveryStatus.ACKNOWLEDGED)).singleElement()
                        .satisfies(r -> assertThat(r.getOriginAgency()).isEqualTo("tj-drug-control"));

                // The refused acknowledgement stopped nothing: the deadline runs out and escalates.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !receipts(fixture, unanswered, DeliveryStatus.ESCALATED).isEmpty());
                assertThat(receipts(fixture, answered, DeliveryStatus.ESCALATED)).as("acknowledged in time").isEmpty();
            }

            // A new process knows what was delivered from the receipts alone.
            try (ConfigurableApplicationContext again = subscriber(fixture)) {
                // While it is still reading them, the answer is 503 with Retry-After, never a refusal.
                java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> answer = new java.util.concurrent.atomic.AtomicReference<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    answer.set(ack(again, unanswered, "version=1"));
                    assertThat(answer.get().statusCode() != 503 || answer.get().headers().firstValue("Retry-After").isPresent()).isTrue();
                    return answer.get().statusCode() != 503;
                });
                HttpResponse<String> late = answer.get();
                assertThat(late.statusCode()).as(late.body()).isEqualTo(202);
                assertThat(JSON.readTree(late.body()).get("originAgency").asString()).isEqualTo("kz-customs");
                assertThat(ack(again, never, null).statusCode()).isEqualTo(404);
            }

            // A process with a state directory builds it once; restarted on it, it reads no receipt from before its
            // checkpoint and still knows every delivery.
            Map<String, Object> onDisk = Map.of("corridor.subscriber.state-dir", state.toString());
            try (ConfigurableApplicationContext first = subscriber(fixture, onDisk)) {
                DeadlineFollower follower = first.getBean(DeadlineFollower.class);
                follower.follower().awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(follower.follower().handed()).isPositive();
            }
            try (ConfigurableApplicationContext resumed = subscriber(fixture, onDisk)) {
                DeadlineFollower follower = resumed.getBean(DeadlineFollower.class);
                follower.follower().awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(follower.follower().handed()).as("receipts read again after the restart").isZero();
                HttpResponse<String> otherVersion = ack(resumed, unanswered, "version=2");
                assertThat(otherVersion.statusCode()).as(otherVersion.body()).isEqualTo(409);
                assertThat(JSON.readTree(otherVersion.body()).get("deliveredVersions").toString()).isEqualTo("[1]");
                assertThat(ack(resumed, shared, null).statusCode()).as("both agencies' deliveries known").isEqualTo(409);
                assertThat(ack(resumed, never, null).statusCode()).isEqualTo(404);
            }
        }
    }
}
