package org.corridor.schemas.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationKind;
import org.corridor.schemas.avro.CorrelationStatus;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.LinkedAlert;
import org.corridor.schemas.avro.OutcomeResult;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StixMappingTest {

    /** The ids OASIS published for TLP 2.0 (cti-stix-common-objects), written out here rather than read. */
    static final Map<Tlp, String> OFFICIAL = new EnumMap<>(Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"));

    private static final Instant AT = Instant.parse("2026-11-20T14:03:00Z");

    @Test
    void uuidVersionFiveMatchesTheRfcExample() {
        // RFC 4122 / Python's uuid5(NAMESPACE_DNS, "python.org")
        assertThat(StixIds.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void theHeroinSeizureIsAValidBundleWithItsFactsAndMarkings() {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        ObjectNode bundle = StixBundle.of(AlertStix.objects(a, Versioning.first(AT)));
        assertThat(StixSchemas.bundleViolations(bundle)).isEmpty();
        JsonNode report = only(bundle, "report");
        assertThat(report.get("id").asString()).isEqualTo(StixIds.report("tj-drug-control", a.getAlertId()));
        assertThat(report.get("name").asString()).isEqualTo(a.getSummary());
        assertThat(report.get("lang").asString()).isEqualTo("en");
        assertThat(report.get("confidence").asInt()).as("B2: 70 - 10").isEqualTo(60);
        assertThat(report.has("revoked")).isFalse();
        assertThat(texts(report.get("object_marking_refs"))).first().isEqualTo(OFFICIAL.get(Tlp.AMBER));
        List<String> statements = new ArrayList<>();
        for (JsonNode o : bundle.get("objects")) {
            if (o.path("definition_type").asString().equals("statement")) {
                statements.add(o.get("definition").get("statement").asString());
            }
        }
        assertThat(statements).containsExactly(
                "Europol handling code H1: not for judicial proceedings without the provider's permission",
                "Corridor: Addressed to CARICC", "Corridor: Not releasable to OSCE");
        JsonNode observed = only(bundle, "observed-data");
        assertThat(observed.get("id").asString().substring("observed-data--".length()))
                .isNotEqualTo(report.get("id").asString().substring("report--".length()));
        assertThat(observed.get("first_observed").asString()).isEqualTo("2026-11-20T00:00:00.000Z");
        JsonNode consignment = only(bundle, CorridorObjects.CONSIGNMENT);
        assertThat(texts(observed.get("object_refs"))).containsExactly(consignment.get("id").asString());
        assertThat(consignment.get("substances").get(0).get("amount").decimalValue()).isEqualByComparingTo("412.5");
        assertThat(consignment.get("concealment_method").asString()).isEqualTo("false floor of a cotton truck");
        Set<String> countries = Set.copyOf(StreamSupport.stream(bundle.get("objects").spliterator(), false)
                .filter(o -> o.get("type").asString().equals("location") && !o.has("latitude"))
                .map(o -> o.get("country").asString()).toList());
        assertThat(countries).containsExactlyInAnyOrder("TJ", "AF", "KZ", "RU");
        assertThat(texts(report.get("object_refs"))).contains(observed.get("id").asString(), StixIds.agency("tj-drug-control"));
    }

    @Test
    void aCorrectionIsANewVersionOfTheSameReportAndARetractionRevokesIt() {
        TraffickingAlert v1 = SampleAlerts.heroinSeizure().build();
        TraffickingAlert v2 = SampleAlerts.heroinSeizure().setVersion(2).setLifecycle(Lifecycle.UPDATE)
                .setReportedAt(AT.minusSeconds(60)).build();
        TraffickingAlert v3 = SampleAlerts.heroinSeizure().setVersion(3).setLifecycle(Lifecycle.RETRACTION)
                .setRetractionReason("reported twice").setReportedAt(AT.plusSeconds(3600)).build();
        JsonNode r1 = only(StixBundle.of(AlertStix.objects(v1, Versioning.first(AT))), "report");
        JsonNode r2 = only(StixBundle.of(AlertStix.objects(v2, Versioning.ofVersion(AT, v2.getReportedAt(), 2))), "report");
        ObjectNode b3 = StixBundle.of(AlertStix.objects(v3, Versioning.ofVersion(AT, v3.getReportedAt(), 3)));
        JsonNode r3 = only(b3, "report");
        assertThat(StixSchemas.bundleViolations(b3)).isEmpty();
        assertThat(List.of(r2.get("id"), r3.get("id"))).allMatch(id -> id.equals(r1.get("id")));
        assertThat(List.of(r2.get("created"), r3.get("created"))).allMatch(c -> c.equals(r1.get("created")));
        assertThat(r2.get("modified").asString()).as("a correction's clock earlier than the first: still after it")
                .isGreaterThan(r1.get("modified").asString());
        assertThat(r3.get("modified").asString()).isGreaterThan(r2.get("modified").asString());
        assertThat(r3.get("revoked").asBoolean()).isTrue();
        assertThat(only(b3, "observed-data").get("revoked").asBoolean()).isTrue();
    }

    @Test
    void aThousandGeneratedAlertsAllValidateAndCarryTheOfficialTlpMarking() {
        int objects = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            TraffickingAlert a = SampleAlerts.random(seed);
            ObjectNode bundle = StixBundle.of(AlertStix.objects(a, Versioning.ofVersion(AT, a.getReportedAt(), a.getVersion())));
            assertThat(StixSchemas.bundleViolations(bundle)).as("seed %d", seed).isEmpty();
            for (JsonNode o : bundle.get("objects")) {
                objects++;
                if (o.has("object_marking_refs")) {
                    assertThat(o.get("object_marking_refs").get(0).asString()).as("seed %d %s", seed, o.get("id"))
                            .isEqualTo(OFFICIAL.get(a.getHandling().getTlp()));
                }
                if (o.path("type").asString().equals("marking-definition") && o.has("extensions")) {
                    assertThat(OFFICIAL.values()).contains(o.get("id").asString());
                }
            }
        }
        assertThat(objects).isGreaterThan(10_000);
    }

    @Test
    void theBundledTlpDefinitionsAreTheOfficialOnes() {
        for (Tlp tlp : Tlp.values()) {
            assertThat(TlpMarkings.id(tlp)).isEqualTo(OFFICIAL.get(tlp));
            assertThat(StixSchemas.violations(TlpMarkings.definition(tlp))).isEmpty();
            assertThat(TlpMarkings.definition(tlp).get("name").asString()).isEqualTo("TLP:" + tlp.name().replace('_', '+'));
        }
    }

    @Test
    void responsesAreNotesAndOutcomesOpinionsOnTheReport() {
        String report = StixIds.report("tj-drug-control", SampleAlerts.heroinSeizure().getAlertId());
        ObjectNode question = StixBundle.of(ResponseStix.objects(SampleResponses.cariccQuestion().build()));
        ObjectNode answer = StixBundle.of(ResponseStix.objects(SampleResponses.agencyAnswer().build()));
        ObjectNode seized = StixBundle.of(ResponseStix.objects(SampleResponses.unodcSeizedOutcome().build()));
        for (ObjectNode b : List.of(question, answer, seized)) {
            assertThat(StixSchemas.bundleViolations(b)).isEmpty();
        }
        JsonNode note = only(question, "note");
        assertThat(note.get("abstract").asString()).isEqualTo("QUESTION");
        assertThat(texts(note.get("object_refs"))).containsExactly(report);
        assertThat(note.get("created_by_ref").asString()).isEqualTo(StixIds.body("CARICC"));
        assertThat(only(answer, "note").get("created_by_ref").asString()).isEqualTo(StixIds.agency("tj-drug-control"));
        JsonNode opinion = only(seized, "opinion");
        assertThat(opinion.get("opinion").asString()).isEqualTo("strongly-agree");
        assertThat(opinion.get("extensions").get(CorridorObjects.EXTENSION).get("outcome").asString()).isEqualTo("SEIZED");
        for (OutcomeResult code : OutcomeResult.values()) {
            ObjectNode b = StixBundle.of(ResponseStix.objects(SampleResponses.unodcSeizedOutcome()
                    .setOutcome(new org.corridor.schemas.avro.Outcome(code, new ArrayList<>())).build()));
            assertThat(StixSchemas.bundleViolations(b)).as("%s", code).isEmpty();
        }
    }

    @Test
    void aLinkIsARelatedToRelationshipBetweenTheReportsAndAWithdrawalRevokesIt() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String pair = "kz-customs/" + a + "|tj-drug-control/" + b;
        CorrelationHit hit = CorrelationHit.newBuilder().setPair(pair)
                .setA(new LinkedAlert("kz-customs", a, 1)).setB(new LinkedAlert("tj-drug-control", b, 2))
                .setStatus(CorrelationStatus.LINKED).setKind(CorrelationKind.EVENT).setScore(0.943)
                .setKeys(new ArrayList<>(List.of("substance:OPIATE:heroin", "days:1"))).setHitTo(new ArrayList<>(List.of("CARICC")))
                .setNotices(new ArrayList<>()).setWithheld(new ArrayList<>()).setReason(null).setDecidedAt(AT).build();
        ObjectNode linked = HitStix.relationship(hit, Versioning.first(AT));
        ObjectNode withdrawn = HitStix.relationship(CorrelationHit.newBuilder(hit).setStatus(CorrelationStatus.WITHDRAWN)
                .setKind(null).build(), new Versioning(AT, AT.plusSeconds(5)));
        assertThat(StixSchemas.violations(linked)).isEmpty();
        assertThat(StixSchemas.violations(withdrawn)).isEmpty();
        assertThat(linked.get("source_ref").asString()).isEqualTo(StixIds.report("kz-customs", a));
        assertThat(linked.get("target_ref").asString()).isEqualTo(StixIds.report("tj-drug-control", b));
        assertThat(linked.get("confidence").asInt()).isEqualTo(94);
        assertThat(withdrawn.get("id")).isEqualTo(linked.get("id"));
        assertThat(withdrawn.get("revoked").asBoolean()).isTrue();
    }

    @Test
    void theValidatorRejectsWhatStixForbids() {
        ObjectNode report = (ObjectNode) only(StixBundle.of(AlertStix.objects(SampleAlerts.heroinSeizure().build(),
                Versioning.first(AT))), "report").deepCopy();
        report.put("created", "2026-11-20T14:03:00Z");  // no milliseconds
        report.remove("published");
        assertThat(StixSchemas.violations(report)).hasSizeGreaterThanOrEqualTo(2);
    }

    static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = StreamSupport.stream(bundle.get("objects").spliterator(), false)
                .filter(o -> o.get("type").asString().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
