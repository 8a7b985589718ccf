package org.corridor.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.producer.status.AlertStatusView;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.FollowerStatus;
import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.Serdes;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the ingest service knows of past alerts lives in its state directory: restarted on the same directory it reads
 * nothing of {@code alerts.audit}, {@code alerts.receipts} or the agency's topic from before its checkpoint, and yet
 * answers the status of an alert published before the restart, refuses that alert id for a new alert and numbers a
 * correction after the versions in the log. With the directory lost, the same answers come from the topics again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestStateIT {

    private static final TestAgency AGENCY = TestAgency.create("kg-state-it", "KG");
    private static final String INBOUND_INDEX = "alert-ids-" + Topics.inbound(AGENCY.id());

    @TempDir
    Path stateDir;

    private static String body(UUID alertId) {
        return SampleJson.seizure().replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"KG\"")
                .replaceFirst("\\{", "{\"alertId\":\"" + alertId + "\",");
    }

    private static ConfigurableApplicationContext ingest(TestKafka kafka, ConfigurableApplicationContext registry, Path dir) {
        return TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry), List.of(AGENCY),
                Map.of("corridor.ingest.state-dir", dir.toString()));
    }

    /** The decision and a receipt the router and a subscriber would write for the alert's first version. */
    private static void routedAndDelivered(TestKafka kafka, String registryUrl, UUID alertId) throws Exception {
        CachingSchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.of(registryUrl));
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
        try (KafkaProducer<String, RoutingDecision> decisions = new KafkaProducer<>(props, new StringSerializer(),
                     Serdes.writer(registry, RoutingDecision.class));
             KafkaProducer<String, DeliveryReceipt> receipts = new KafkaProducer<>(props, new StringSerializer(),
                     Serdes.writer(registry, DeliveryReceipt.class))) {
            Instant now = Instant.now();
            decisions.send(new ProducerRecord<>(Topics.AUDIT, alertId.toString(), new RoutingDecision(alertId, 1, AGENCY.id(),
                    List.of("CARICC", "UNODC"), List.of(), List.of(), now, "router-state-it", null, null, null, null))).get();
            receipts.send(new ProducerRecord<>(Topics.RECEIPTS, alertId.toString(), new DeliveryReceipt("CARICC", alertId, 1,
                    DeliveryStatus.DELIVERED, now.plusMillis(5), 1, null, AGENCY.id()))).get();
        }
    }

    private static TopicFollower follower(ConfigurableApplicationContext ingest, String name) {
        return ingest.getBean(Followers.class).all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static TopicFollower statusFollower(ConfigurableApplicationContext ingest) {
        TopicFollower f = ingest.getBean(AlertStatusView.class).follower();
        await().atMost(Duration.ofSeconds(60)).until(() -> f.status().state() == FollowerStatus.State.UP);
        return f;
    }

    private static ApiClient.Response status(ApiClient api, UUID alertId) {
        return api.send("GET", "/api/v1/alerts/" + alertId + "/status", AGENCY.token(), null, null, Map.of());
    }

    private static ApiClient.Response correct(ApiClient api, UUID alertId, String amount) {
        return api.send("PUT", "/api/v1/alerts/" + alertId, AGENCY.token(), "application/json",
                body(alertId).replace("412.5", amount), Map.of());
    }

    @Test
    void restartedOnItsStateItReadsNothingOldAndAnswersTheSame(TestKafka kafka) throws Exception {
        UUID alertId = UUID.randomUUID();
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-ingest-state-it")) {
            String answer;
            try (ConfigurableApplicationContext first = ingest(kafka, registry, stateDir)) {
                ApiClient api = new ApiClient(TestServices.url(first));
                ApiClient.Response created = api.post(AGENCY.token(), body(alertId));
                assertThat(created.status()).as(created.body()).isEqualTo(202);
                routedAndDelivered(kafka, TestServices.url(registry), alertId);
                await().atMost(Duration.ofSeconds(60)).until(() -> status(api, alertId).body().contains("DELIVERED"));
                answer = status(api, alertId).body();
                assertThat(correct(api, alertId, "413").json().get("version").asInt()).isEqualTo(2);
            }
            assertThat(answer).contains("\"CARICC\":{\"state\":\"DELIVERED\"", "\"UNODC\":{\"state\":\"ROUTED\"");

            try (ConfigurableApplicationContext restarted = ingest(kafka, registry, stateDir)) {
                ApiClient api = new ApiClient(TestServices.url(restarted));
                assertThat(statusFollower(restarted).handed()).as("audit and receipts records read again").isZero();
                assertThat(status(api, alertId).body()).isEqualTo(answer);

                ApiClient.Response again = api.post(AGENCY.token(), body(alertId));
                assertThat(again.status()).as("the id is taken: " + again.body()).isEqualTo(409);
                TopicFollower index = follower(restarted, INBOUND_INDEX);
                assertThat(index.handed()).as("records of the agency's topic read again").isZero();
                ApiClient.Response corrected = correct(api, alertId, "414");
                assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
                assertThat(corrected.json().get("version").asInt()).as("after version 2, in the index").isEqualTo(3);
                await().atMost(Duration.ofSeconds(30)).until(() -> index.handed() == 1);
            }

            try (ConfigurableApplicationContext lost = ingest(kafka, registry, stateDir.resolve("lost"))) {
                ApiClient api = new ApiClient(TestServices.url(lost));
                assertThat(statusFollower(lost).handed()).as("both topics read from their start").isGreaterThanOrEqualTo(2);
                assertThat(status(api, alertId).body()).isEqualTo(answer);
                assertThat(api.post(AGENCY.token(), body(alertId)).status()).isEqualTo(409);
                assertThat(correct(api, alertId, "415").json().get("version").asInt()).isEqualTo(4);
                assertThat(follower(lost, INBOUND_INDEX).handed()).as("the agency's topic read from its start")
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }
}
