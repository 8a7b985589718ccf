package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.schemas.topics.Headers;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/** The REST ingest against a real registry and broker: accepted alerts are on the topic, bad ones are named and kept out. */
@ExtendWith(KafkaBrokerExtension.class)
class IngestApiIT {

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
        registry = TestServices.registry(broker.bootstrapServers(), "_schemas-ingest-it");
        ingest = TestServices.ingest(broker.bootstrapServers(), TestServices.url(registry), List.of(KZ, TJ),
                Map.of("corridor.ingest.max-body-size", "16KB", "management.endpoint.health.show-details", "always"));
        api = new ApiClient(TestServices.url(ingest));
    }

    @AfterAll
    static void stop() {
        ingest.close();
        registry.close();
    }

    private static TraffickingAlert decode(ConsumerRecord<String, byte[]> record) {
        AvroDeserializer<TraffickingAlert> d = new AvroDeserializer<>();
        d.configure(Map.of(RegistryClientConfig.URL, TestServices.url(registry), AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return d.deserialize(record.topic(), record.value());
    }

    private static ConsumerRecord<String, byte[]> recordAt(String topic, int partition, long offset) {
        return kafka.readAll(topic).stream().filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void acceptedAlertIsOnTheAgencyTopicWithItsFields() {
        ApiClient.Response r = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json", SampleJson.seizure(),
                Map.of("X-Trace-Id", "trace-123"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        assertThat(r.json().get("topic").asText()).isEqualTo(TOPIC);
        ConsumerRecord<String, byte[]> record = recordAt(TOPIC, r.json().get("partition").asInt(), r.json().get("offset").asLong());
        assertThat(record.key()).isEqualTo(r.json().get("alertId").asText());
        assertThat(header(record, Headers.ORIGIN_AGENCY)).isEqualTo("kz-customs");
        assertThat(header(record, Headers.TRACE_ID)).isEqualTo("trace-123");
        TraffickingAlert alert = decode(record);
        assertThat(alert.getOriginAgency().getAgencyId()).isEqualTo("kz-customs");
        assertThat(alert.getOriginAgency().getName()).isEqualTo(KZ.name());
        assertThat(alert.getSummary()).isEqualTo("Heroin in a cotton truck at Dostyk");
        assertThat(alert.getSubstances().get(0).getQuantity().getAmount()).isEqualByComparingTo("412.5");
        assertThat(alert.getRoute().getTransitCountries()).containsExactly("TJ");
        assertThat(alert.getHandling().getNotReleasableTo()).containsExactly("OSCE");
        assertThat(alert.getReportedAt()).isNotNull();
    }

    static Stream<Arguments> badRequests() {
        String ok = SampleJson.seizure();
        return Stream.of(
            bad("malformed JSON", ok.substring(0, 40), 400, "body", "malformed JSON"),
            bad("not an object", "[1,2,3]", 400, "body", "must be a JSON object"),
            bad("wrong type", ok.replace("\"Heroin in a cotton truck at Dostyk\"", "42"), 400, "summary", "must be a string"),
            bad("unknown kind", ok.replace("\"SEIZURE\"", "\"SEIZED\""), 400, "kind", "\"SEIZED\" is not one of"),
            bad("unknown country", ok.replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"XX\""), 400, "route.eventCountry",
                "\"XX\" is not an ISO 3166-1 alpha-2 code"),
            bad("bad CAS check digit", ok.replace("108-24-7", "108-24-8"), 400, "substances[1].casNumber", "wrong check digit"),
            bad("negative quantity", ok.replace("\"412.5\"", "\"-3\""), 400, "substances[0].quantity.amount", "must be greater than 0"),
            bad("TLP:RED without addressee", ok.replace("\"tlp\":\"AMBER\"", "\"tlp\":\"RED\"").replace("\"addressedTo\":[\"CARICC\"]", "\"addressedTo\":[]"),
                400, "handling.addressedTo", "TLP:RED needs at least one addressee"),
            bad("missing summary", ok.replace("\"summary\":\"Heroin in a cotton truck at Dostyk\",", ""), 400, "summary", "must not be blank"),
            bad("future date", ok.replace("2026-11-20", "2099-01-01"), 400, "occurredOn", "is in the future"),
            bad("bad date format", ok.replace("2026-11-20", "20.11.2026"), 400, "occurredOn", "is not a date (YYYY-MM-DD)"),
            bad("unknown field", ok.replace("{\"kind\"", "{\"colour\":\"red\",\"kind\""), 400, "colour", "unknown field"),
            bad("H3 without restriction", ok.replace("\"H1\"", "\"H3\""), 400, "handling.handlingRestriction", "required with handling code H3"),
            bad("releasable and not releasable", ok.replace("\"notReleasableTo\":[\"OSCE\"]", "\"notReleasableTo\":[\"OSCE\"],\"releasableTo\":[\"CARICC\",\"OSCE\"]"),
                400, "handling.releasableTo[1]", "is also in notReleasableTo"),
            bad("unknown body", ok.replace("\"addressedTo\":[\"CARICC\"]", "\"addressedTo\":[\"FBI\"]"), 400, "handling.addressedTo[0]", "is not a known body"),
            bad("retraction through POST", ok.replace("{\"kind\"", "{\"lifecycle\":\"RETRACTION\",\"kind\""), 400, "lifecycle", "POST publishes NEW alerts"),
            bad("bad alertId", ok.replace("{\"kind\"", "{\"alertId\":\"12345\",\"kind\""), 400, "alertId", "is not a UUID"),
            bad("too many decimals", ok.replace("\"412.5\"", "\"412.5001\""), 400, "substances[0].quantity.amount", "at most 3 decimal places"),
            bad("purity over 100", ok.replace("61.5", "161.5"), 400, "substances[0].purityPercent", "at most 100"),
            bad("precursor category mismatch", ok.replace("\"PRECURSOR_TABLE_I\"", "\"NON_SCHEDULED_CHEMICAL\""), 400, "substances[1].category",
                "is on Table I"),
            bad("bad language tag", ok.replace("\"language\":\"en\"", "\"language\":\"english!\""), 400, "language", "is not a BCP 47 language tag"));
    }

    private static Arguments bad(String name, String body, int status, String field, String message) {
        return Arguments.of(name, body, status, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsNamedAndKeptOffTheBroker(String name, String body, int status, String field, String message) {
        long before = kafka.endOffsetSum(TOPIC);
        ApiClient.Response r = api.post(KZ.token(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").toString()).contains("\"field\":\"" + field + "\"").contains(message.replace("\"", "\\\""));
        assertThat(kafka.endOffsetSum(TOPIC)).isEqualTo(before);
    }

    @Test
    void transportAndCredentialErrors() {
        long before = kafka.endOffsetSum(TOPIC);
        ApiClient.Response noToken = api.post(null, SampleJson.seizure());
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get("detail").asText()).contains("Authorization: Bearer");
        ApiClient.Response wrongToken = api.post("not-a-token", SampleJson.seizure());
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body()).doesNotContain("not-a-token");
        ApiClient.Response otherAgency = api.post(KZ.token(), SampleJson.seizure().replace("{\"kind\"",
                "{\"originAgency\":{\"agencyId\":\"tj-drug-control\"},\"kind\""));
        assertThat(otherAgency.status()).isEqualTo(403);
        assertThat(otherAgency.json().get("detail").asText()).startsWith("originAgency.agencyId: \"tj-drug-control\"");
        String huge = SampleJson.seizure().replace("\"false floor\"", "\"" + "x".repeat(20_000) + "\"");
        ApiClient.Response tooLarge = api.post(KZ.token(), huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        ApiClient.Response wrongType = api.send("POST", "/api/v1/alerts", KZ.token(), "text/plain", SampleJson.seizure(), Map.of());
        assertThat(wrongType.status()).isEqualTo(415);
        ApiClient.Response noBody = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json", null, Map.of());
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().get("errors").toString()).contains("\"field\":\"body\"");
        ApiClient.Response badPath = api.send("PUT", "/api/v1/alerts/not-a-uuid", KZ.token(), "application/json", SampleJson.seizure(), Map.of());
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.json().get("errors").toString()).contains("\"field\":\"alertId\"");
        assertThat(kafka.endOffsetSum(TOPIC)).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReturnsTheFirstAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response first = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json", SampleJson.seizure(), key);
        ApiClient.Response again = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json", SampleJson.seizure(), key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        String alertId = first.json().get("alertId").asText();
        assertThat(kafka.readAll(TOPIC).stream().filter(r -> r.key().equals(alertId))).hasSize(1);
        ApiClient.Response other = api.send("POST", "/api/v1/alerts", KZ.token(), "application/json",
                SampleJson.seizure().replace("Dostyk\"", "Khorgos\""), key);
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void correctionAndRetractionTakeTheNextVersions() {
        ApiClient.Response created = api.post(KZ.token(), SampleJson.seizure());
        String id = created.json().get("alertId").asText();
        ApiClient.Response corrected = api.send("PUT", "/api/v1/alerts/" + id, KZ.token(), "application/json",
                SampleJson.seizure().replace("412.5", "415"), Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
        // What a correction starts from: the latest version, to its agency only.
        ApiClient.Response latest = api.send("GET", "/api/v1/alerts/" + id, KZ.token(), null, null, Map.of());
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("lifecycle").asText()).isEqualTo("UPDATE");
        assertThat(latest.json().at("/substances/0/quantity/amount").asDouble()).isEqualTo(415.0);
        assertThat(latest.json().at("/originAgency/agencyId").asText()).isEqualTo("kz-customs");
        assertThat(api.send("GET", "/api/v1/alerts/" + id, TJ.token(), null, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/alerts/" + UUID.randomUUID(), KZ.token(), null, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/alerts/" + id, null, null, null, Map.of()).status()).isEqualTo(401);
        ApiClient.Response retracted = api.send("DELETE", "/api/v1/alerts/" + id, KZ.token(), "application/json",
                "{\"reason\":\"duplicate of an earlier report\"}", Map.of());
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(202);
        assertThat(retracted.json().get("version").asInt()).isEqualTo(3);
        List<TraffickingAlert> versions = kafka.readAll(TOPIC).stream().filter(r -> r.key().equals(id)).map(IngestApiIT::decode).toList();
        assertThat(versions).extracting(TraffickingAlert::getVersion).containsExactly(1, 2, 3);
        assertThat(versions).extracting(TraffickingAlert::getLifecycle)
                .containsExactly(Lifecycle.NEW, Lifecycle.UPDATE, Lifecycle.RETRACTION);
        assertThat(versions.get(1).getSubstances().get(0).getQuantity().getAmount()).isEqualByComparingTo("415");
        assertThat(versions.get(2).getRetractionReason()).isEqualTo("duplicate of an earlier report");

        ApiClient.Response notTheirs = api.send("DELETE", "/api/v1/alerts/" + id, TJ.token(), "application/json",
                "{\"reason\":\"x\"}", Map.of());
        assertThat(notTheirs.status()).isEqualTo(404);
        ApiClient.Response unknown = api.send("PUT", "/api/v1/alerts/" + UUID.randomUUID(), KZ.token(), "application/json",
                SampleJson.seizure(), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Response noReason = api.send("DELETE", "/api/v1/alerts/" + id, KZ.token(), "application/json", "{}", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").toString()).contains("\"field\":\"reason\"");
        ApiClient.Response mismatch = api.send("PUT", "/api/v1/alerts/" + id, KZ.token(), "application/json",
                SampleJson.seizure().replace("{\"kind\"", "{\"alertId\":\"" + UUID.randomUUID() + "\",\"kind\""), Map.of());
        assertThat(mismatch.status()).isEqualTo(400);
        ApiClient.Response duplicateId = api.post(KZ.token(), SampleJson.seizure().replace("{\"kind\"", "{\"alertId\":\"" + id + "\",\"kind\""));
        assertThat(duplicateId.status()).isEqualTo(409);
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        ApiClient.Response doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().at("/paths/~1api~1v1~1alerts/post/responses/202").isMissingNode()).as("202 documented").isFalse();
        assertThat(doc.json().at("/paths/~1api~1v1~1alerts~1{alertId}/put").isMissingNode()).isFalse();
        assertThat(doc.json().at("/paths/~1api~1v1~1alerts~1{alertId}/delete").isMissingNode()).isFalse();
        assertThat(doc.json().at("/paths/~1api~1v1~1alerts/post/responses").toString())
                .contains("\"400\"").contains("\"401\"").contains("\"403\"").contains("\"409\"").contains("\"413\"").contains("\"503\"");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        api.post(KZ.token(), SampleJson.seizure());
        api.post(KZ.token(), "{");
        String metrics = api.get("/actuator/prometheus", TestHttpUsers.metrics()).body();
        assertThat(metrics).contains("corridor_ingest_alerts_total{agency=\"kz-customs\",outcome=\"accepted\",reason=\"none\"}")
                .contains("corridor_ingest_alerts_total{agency=\"kz-customs\",outcome=\"rejected\",reason=\"malformed\"}")
                .contains("corridor_ingest_publish_latency_seconds_bucket")
                .contains("kafka_producer_record_send_total");
    }

    @Test
    void healthAndMetricsShowTheTopicViews() {
        api.post(KZ.token(), SampleJson.seizure());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Response health = api.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/components/followers/status").asText()).isEqualTo("UP");
            assertThat(health.json().at("/components/followers/details/alert-status-view/state").asText()).isEqualTo("UP");
            assertThat(health.json().at("/components/followers/details/alert-status-view/skipped").asLong()).isZero();
            assertThat(health.json().at("/components/followers/details").propertyNames())
                    .anySatisfy(name -> assertThat(name).startsWith("alert-ids-"));
        });
        assertThat(api.get("/actuator/prometheus", TestHttpUsers.metrics()).body())
                .contains("corridor_follower_up{name=\"alert-status-view\"} 1.0")
                .contains("corridor_follower_skipped_records_total{name=\"alert-status-view\"} 0.0")
                .containsPattern("corridor_follower_up\\{name=\"alert-ids-[^\"]+\"} 1.0");
    }
}
