package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.decision.Retractions;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestHttpUsers;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A retraction goes to exactly the bodies that had the alert, without its content, across a router restart and a change
 * of the rules; and explain.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RetractionAndExplainIT {

    @Test
    void aRetractionAfterTheRulesChangedReachesExactlyTheEarlierRecipientsWithoutContent(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-retraction-it")) {
            AlertTemplates.Template heroin = AlertTemplates.templates().get(9);
            TraffickingAlert v1 = heroin.alert().build();
            String id = v1.getAlertId().toString();
            try (ConfigurableApplicationContext router = Routers.start(fixture, "retraction-it", Map.of())) {
                fixture.publish(List.of(v1));
                fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
            }
            assertThat(fixture.bodiesHolding(id, 1)).isEqualTo(new TreeSet<>(heroin.expected()));

            // The rules change: now every alert concerns EUDA only. The retraction carries the alert's latest content,
            // as AlertPublisher.retract sends it.
            Path rules = Files.createTempFile("retraction-it-rules", ".yml");
            Files.writeString(rules, "version: retraction-it\nrules:\n  - id: euda-everything\n    body: EUDA\n    when:\n"
                    + "      kinds: [SEIZURE, STOPPED_SHIPMENT, SUSPICIOUS_SHIPMENT, DIVERSION, CLANDESTINE_LAB, EQUIPMENT,"
                    + " NPS_DETECTION, TRAFFICKING_ROUTE, MODUS_OPERANDI]\n");
            TraffickingAlert v2 = TraffickingAlert.newBuilder(v1).setVersion(2).setLifecycle(Lifecycle.RETRACTION)
                    .setRetractionReason("the seizure was reported twice").setReportedAt(Instant.now()).build();
            try (ConfigurableApplicationContext restarted = Routers.start(fixture, "retraction-it",
                    Map.of("corridor.router.rules-file", rules.toString()))) {
                fixture.publish(List.of(v2));
                fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
            } finally {
                Files.deleteIfExists(rules);
            }
            assertThat(fixture.bodiesHolding(id, 2)).isEqualTo(new TreeSet<>(heroin.expected()));
            RoutingDecision d2 = fixture.records(Topics.AUDIT, Set.of(id)).stream().map(fixture::decodeDecision)
                    .filter(d -> d.getAlertVersion() == 2).findFirst().orElseThrow();
            assertThat(d2.getMatchedRules()).containsExactly("previous-recipient");
            assertThat(d2.getWithheld()).anySatisfy(w -> {
                assertThat(w.getBody()).isEqualTo("EUDA");
                assertThat(w.getReason().name()).isEqualTo("NOT_CONCERNED");
            });
            for (String body : heroin.expected()) {
                TraffickingAlert onFeed = fixture.records(Topics.feed(body), Set.of(id)).stream().map(fixture::decodeAlert)
                        .filter(a -> a.getVersion() == 2).findFirst().orElseThrow();
                assertThat(onFeed.getAlertId()).isEqualTo(v1.getAlertId());
                assertThat(onFeed.getLifecycle()).isEqualTo(Lifecycle.RETRACTION);
                assertThat(onFeed.getRetractionReason()).isEqualTo("the seizure was reported twice");
                assertThat(onFeed.getHandling().getNotReleasableTo()).containsExactly("OSCE");
                assertThat(onFeed.getSummary()).isEqualTo(Retractions.SUMMARY).isNotEqualTo(v1.getSummary());
                assertThat(onFeed.getConcealmentMethod()).isNull();
                assertThat(onFeed.getSubstances()).allSatisfy(s -> {
                    assertThat(s.getName().toString()).isEqualTo(Retractions.WITHHELD);
                    assertThat(s.getQuantity()).isNull();
                });
                assertThat(onFeed.getRoute().getOriginCountry()).isNull();
                assertThat(onFeed.getRoute().getTransitCountries()).isEmpty();
            }
        }
    }

    @Test
    void explainShowsRecipientsAndReasonsWithoutPublishing(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-explain-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "explain-it", Map.of())) {
            long auditBefore = kafka.endOffsetSum(Topics.AUDIT);
            String url = "http://localhost:" + router.getEnvironment().getProperty("local.server.port") + "/api/v1/routing/explain";
            String body = "{\"kind\":\"SEIZURE\",\"occurredOn\":\"2026-11-01\",\"summary\":\"heroin at Tabanovce\","
                    + "\"substances\":[{\"name\":\"heroin\",\"category\":\"OPIATE\",\"quantity\":{\"amount\":12,\"unit\":\"KG\"}}],"
                    + "\"route\":{\"eventCountry\":\"MK\",\"originCountry\":\"AF\"},\"handling\":{\"tlp\":\"RED\",\"addressedTo\":[\"SELEC\"]}}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").header("Authorization", TestHttpUsers.basic(TestHttpUsers.bodyUser("SELEC")))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode json = JsonMapper.shared().readTree(r.body());
            assertThat(json.get("recipients").toString()).isEqualTo("[\"SELEC\"]");
            assertThat(json.get("withheld").toString()).contains("{\"body\":\"UNODC\",\"reason\":\"TLP_RED_NOT_ADDRESSED\"")
                    .contains("{\"body\":\"EUROPOL\",\"reason\":\"NOT_CONCERNED\"");
            assertThat(json.get("matchedRules").get("PARIS_PACT").toString()).isEqualTo("[\"paris-pact-opiates\"]");
            HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").header("Authorization", TestHttpUsers.basic(TestHttpUsers.bodyUser("SELEC")))
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("\"MK\"", "\"XX\""))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("route.eventCountry").contains("is not an ISO 3166-1 alpha-2 code");
            assertThat(kafka.endOffsetSum(Topics.AUDIT)).isEqualTo(auditBefore);
        }
    }
}
