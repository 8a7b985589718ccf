package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/alerts/batch} against a real registry and broker: one result per alert in order, the good ones
 * on the agency's topic once the answer comes, a bad one refusing only itself, and the batch's own limits.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BatchIngestIT {

    static final TestAgency KZ = TestAgency.create("kz-customs", "KZ");
    static final TestAgency TJ = TestAgency.create("tj-drug-control", "TJ");
    static final String TOPIC = "alerts.in.kz-customs";
    static ConfigurableApplicationContext registry;
    static ConfigurableApplicationContext ingest;
    static ApiClient api;
    static TestKafka kafka;

    @BeforeAll
    static void start(TestKafka broker) {
        kafka = broker;
        registry = TestServices.registry(broker.bootstrapServers(), "_schemas-batch-it");
        ingest = TestServices.ingest(broker.bootstrapServers(), TestServices.url(registry), List.of(KZ, TJ),
                Map.of("corridor.ingest.max-body-size", "16KB", "corridor.ingest.batch-max-body-size", "1MB",
                        "corridor.ingest.batch-max-alerts", "50"));
        api = new ApiClient(TestServices.url(ingest));
    }

    @AfterAll
    static void stop() {
        ingest.close();
        registry.close();
    }

    private static ApiClient.Response batch(TestAgency agency, List<String> alerts, Map<String, String> headers) {
        return api.send("POST", "/api/v1/alerts/batch", agency.token(), "application/json",
                "[" + String.join(",", alerts) + "]", headers);
    }

    private static Set<String> idsOnTopic() {
        return kafka.readAll(TOPIC).stream().map(r -> r.key()).collect(Collectors.toSet());
    }

    @Test
    void eachAlertIsPublishedOrRefusedOnItsOwnAndTheAnswerListsThemInOrder() {
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            alerts.add(SampleJson.seizure());
        }
        alerts.set(5, SampleJson.seizure().replace("\"priority\":\"PRIORITY\"", "\"priority\":\"SOON\""));
        alerts.set(17, SampleJson.seizure().replace("{\"kind\"", "{\"originAgency\":{\"agencyId\":\"tj-drug-control\"},\"kind\""));
        alerts.set(30, "\"not an alert\"");
        // 40 alerts are over the single-alert limit (16 KB) but within the batch's.
        assertThat(String.join(",", alerts).length()).isGreaterThan(16 * 1024);

        ApiClient.Response r = batch(KZ, alerts, Map.of());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get("accepted").asInt()).isEqualTo(37);
        assertThat(answer.get("rejected").asInt()).isEqualTo(3);
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(40);
        Set<String> accepted = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            JsonNode e = results.get(i);
            assertThat(e.get("index").asInt()).isEqualTo(i);
            if (i == 5) {
                assertThat(e.get("status").asInt()).isEqualTo(400);
                assertThat(e.get("errors").get(0).get("field").asString()).isEqualTo("priority");
            } else if (i == 17) {
                assertThat(e.get("status").asInt()).isEqualTo(403);
                assertThat(e.get("type").asString()).isEqualTo("urn:corridor:problem:wrong-agency");
            } else if (i == 30) {
                assertThat(e.get("status").asInt()).isEqualTo(400);
                assertThat(e.get("errors").get(0).get("message").asString()).isEqualTo("must be a JSON object");
            } else {
                assertThat(e.get("status").asInt()).as(e.toString()).isEqualTo(202);
                assertThat(e.get("version").asInt()).isEqualTo(1);
                assertThat(e.get("topic").asString()).isEqualTo(TOPIC);
                accepted.add(e.get("alertId").asString());
            }
        }
        // Answered only once the broker had every accepted alert.
        assertThat(accepted).hasSize(37);
        assertThat(idsOnTopic()).containsAll(accepted);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheFirstAnswerWithoutPublishingAgain() {
        String id = UUID.randomUUID().toString();
        String alert = SampleJson.seizure().replace("{\"kind\"", "{\"alertId\":\"" + id + "\",\"kind\"");
        Map<String, String> key = Map.of("Idempotency-Key", "batch-" + id);

        ApiClient.Response first = batch(KZ, List.of(alert, SampleJson.seizure()), key);
        ApiClient.Response again = batch(KZ, List.of(alert, SampleJson.seizure()), key);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(kafka.readAll(TOPIC).stream().filter(rec -> rec.key().equals(id))).hasSize(1);
    }

    @Test
    void aBatchOverTheAlertLimitIsRefusedWholeNamingTheSetting() {
        List<String> alerts = new ArrayList<>();
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 51; i++) {
            alerts.add(SampleJson.seizure().replace("Heroin in a cotton truck", marker));
        }
        ApiClient.Response r = batch(KZ, alerts, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:corridor:problem:invalid-batch");
        assertThat(r.json().get("errors").get(0).get("message").asString())
                .isEqualTo("holds 51 alerts; a batch holds at most 50 (corridor.ingest.batch-max-alerts)");
    }

    @Test
    void somethingOtherThanAnArrayOfAlertsIsRefused() {
        for (String body : List.of("{}", "[]", "[{", "42")) {
            ApiClient.Response r = api.send("POST", "/api/v1/alerts/batch", KZ.token(), "application/json", body, Map.of());
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        }
    }

    @Test
    void theLargerLimitIsTheBatchPathsAlone() {
        String big = (SampleJson.seizure().replace("\"Heroin in a cotton truck at Dostyk\"",
                "\"" + "x".repeat(20_000) + "\""));
        ApiClient.Response single = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json", big, Map.of());
        assertThat(single.status()).as(single.body()).isEqualTo(413);
        ApiClient.Response tooBig = api.send("POST", "/api/v1/alerts/batch", KZ.token(), "application/json",
                "[" + (SampleJson.seizure() + ",").repeat(2000) + SampleJson.seizure() + "]", Map.of());
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(413);
    }

    @Test
    void anAnonymousBatchIsRefusedBeforeAnythingIsRead() {
        ApiClient.Response r = api.send("POST", "/api/v1/alerts/batch", null, "application/json",
                "[" + SampleJson.seizure() + "]", Map.of());
        assertThat(r.status()).isEqualTo(401);
    }
}
