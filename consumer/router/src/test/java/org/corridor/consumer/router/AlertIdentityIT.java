package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 19's attacks on identities and markings, against a real router: another agency reusing an id, a replayed or
 * older version, a correction that leaves out notReleasableTo.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertIdentityIT {

    /** Acetic anhydride stopped in Tajikistan, AMBER: concerns INCB, PARIS_PACT, CARICC, CSTO, SCO, CIS, CICA. */
    private static TraffickingAlert.Builder precursor(String agency, String country) {
        return TraffickingAlert.newBuilder(AlertTemplates.templates().get(2).alert().build())
                .setOriginAgency(new Agency(agency, country, agency));
    }

    private static TraffickingAlert correction(TraffickingAlert of, int version, String summary) {
        return TraffickingAlert.newBuilder(of).setVersion(version).setLifecycle(Lifecycle.UPDATE).setSummary(summary)
                .setReportedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).build();
    }

    /** Body to the versions of the alert its feed holds. */
    private static Map<String, List<Integer>> feeds(ExchangeFixture fixture, String id) {
        Map<String, List<Integer>> out = new java.util.TreeMap<>();
        for (String body : ReferenceData.defaults().bodyIds()) {
            for (ConsumerRecord<String, byte[]> r : fixture.records(Topics.feed(body), Set.of(id))) {
                out.computeIfAbsent(body, b -> new ArrayList<>()).add(fixture.decodeAlert(r).getVersion());
            }
        }
        return out;
    }

    private static List<String> deadLetterCodes(ExchangeFixture fixture, String id) {
        return fixture.records(Topics.DEAD_LETTERS, Set.of(id)).stream()
                .map(r -> ExchangeFixture.header(r, Headers.DLQ_REASON_CODE)).toList();
    }

    private static void awaitDeadLetters(ExchangeFixture fixture, String id, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> fixture.records(Topics.DEAD_LETTERS, Set.of(id)).size() >= count);
    }

    private static RoutingDecision decision(ExchangeFixture fixture, String id, int version) {
        return fixture.records(Topics.AUDIT, Set.of(id)).stream().map(fixture::decodeDecision)
                .filter(d -> d.getAlertVersion() == version).findFirst().orElseThrow();
    }

    @Test
    void anotherAgencyReusingAnIdIsDeadLetteredAndTheOwnersCorrectionGoesOnlyWhereItShould(TestKafka kafka) {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-identity-collision-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "identity-collision-it", Map.of())) {
            TraffickingAlert v1 = precursor("kz-customs", "KZ").build();
            String id = v1.getAlertId().toString();
            fixture.publish(List.of(v1));
            fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
            Set<String> ownersBodies = new TreeSet<>(decision(fixture, id, 1).getRecipients());
            assertThat(ownersBodies).isNotEmpty().doesNotContain("EUROPOL");

            // tj-drug-control posts an alert of its own under kz-customs' id, addressed to EUROPOL.
            TraffickingAlert planted = precursor("tj-drug-control", "TJ").setAlertId(v1.getAlertId()).build();
            planted.getHandling().setAddressedTo(new ArrayList<>(List.of("EUROPOL")));
            fixture.publish(List.of(planted));
            awaitDeadLetters(fixture, id, 1);
            assertThat(deadLetterCodes(fixture, id)).containsExactly("ID_COLLISION");

            fixture.publish(List.of(correction(v1, 2, "corrected: 2,100 litres")));
            fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
            assertThat(new TreeSet<>(decision(fixture, id, 2).getRecipients())).isEqualTo(ownersBodies);
            assertThat(feeds(fixture, id)).doesNotContainKey("EUROPOL").containsOnlyKeys(ownersBodies);
            assertThat(fixture.records(Topics.AUDIT, Set.of(id))).hasSize(2);
        }
    }

    @Test
    void aReplayedOrOlderVersionIsDeadLetteredStale(TestKafka kafka) {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-identity-stale-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "identity-stale-it", Map.of())) {
            TraffickingAlert v1 = precursor("kz-customs", "KZ").build();
            TraffickingAlert v2 = correction(v1, 2, "corrected");
            String id = v1.getAlertId().toString();
            fixture.publish(List.of(v1, v2));
            fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
            fixture.publish(List.of(v2));
            fixture.publish(List.of(v1));
            awaitDeadLetters(fixture, id, 2);
            assertThat(deadLetterCodes(fixture, id)).containsExactly("STALE_VERSION", "STALE_VERSION");
            assertThat(fixture.records(Topics.AUDIT, Set.of(id))).hasSize(2);
            feeds(fixture, id).forEach((body, versions) -> assertThat(versions).as(body).containsExactly(1, 2));
        }
    }

    @Test
    void aCorrectionThatLeavesOutNotReleasableToInheritsItUnlessItExplicitlyRelaxes(TestKafka kafka) {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-identity-markings-it");
             ConfigurableApplicationContext router = Routers.start(fixture, "identity-markings-it", Map.of())) {
            TraffickingAlert v1 = precursor("kz-customs", "KZ").build();
            v1.getHandling().setNotReleasableTo(new ArrayList<>(List.of("CSTO")));
            String id = v1.getAlertId().toString();
            fixture.publish(List.of(v1));
            fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
            assertThat(decision(fixture, id, 1).getRecipients()).contains("INCB").doesNotContain("CSTO");

            // The typo fix leaves the list out, as the PUT of the issue did.
            TraffickingAlert v2 = correction(v1, 2, "acetic anhydride, 2,000 litres (typo fixed)");
            v2.getHandling().setNotReleasableTo(new ArrayList<>());
            fixture.publish(List.of(v2));
            fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
            RoutingDecision d2 = decision(fixture, id, 2);
            assertThat(d2.getRecipients()).contains("INCB").doesNotContain("CSTO");
            assertThat(d2.getEffectiveMarkings().getNotReleasableTo()).containsExactly("CSTO");
            assertThat(d2.getEffectiveMarkings().getInherited()).containsExactly("notReleasableTo");
            assertThat(d2.getRelaxation()).isNull();
            assertThat(feeds(fixture, id)).doesNotContainKey("CSTO");
            ConsumerRecord<String, byte[]> incbV2 = fixture.records(Topics.feed("INCB"), Set.of(id)).stream()
                    .filter(r -> fixture.decodeAlert(r).getVersion() == 2).findFirst().orElseThrow();
            assertThat(fixture.decodeAlert(incbV2).getHandling().getNotReleasableTo()).containsExactly("CSTO");
            assertThat(fixture.decodeAlert(incbV2).getSummary()).isEqualTo(v2.getSummary());

            // Only an explicit relaxation widens the markings, and the audit says who and when.
            TraffickingAlert v3 = correction(v2, 3, "released to CSTO after consultation");
            v3.getHandling().setRelaxes(true);
            fixture.publish(List.of(v3));
            fixture.awaitDecisions(Set.of(id), 3, Duration.ofSeconds(60));
            RoutingDecision d3 = decision(fixture, id, 3);
            assertThat(d3.getRecipients()).contains("CSTO");
            assertThat(d3.getRelaxation().getBy()).isEqualTo("kz-customs");
            assertThat(d3.getRelaxation().getAt()).isEqualTo(v3.getReportedAt());
            assertThat(d3.getRelaxation().getRelaxed()).containsExactly("notReleasableTo");
            assertThat(feeds(fixture, id).get("CSTO")).containsExactly(3);
        }
    }
}
