package org.corridor.schemas.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StixAlertReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");
    private static final String EXT = "extensions." + CorridorObjects.EXTENSION + ".";

    @Test
    void everyAlertReadBackFromItsBundleIsTheAlertThatWasMappedSaveWhatTheExchangeSets() {
        int compared = 0;
        for (long seed = 0; seed < 1_000; seed++) {
            roundTrip(SampleAlerts.random(seed));
            compared++;
        }
        roundTrip(SampleAlerts.heroinSeizure().build());
        System.out.println("StixAlertReaderTest: " + (compared + 1) + " alerts mapped to STIX and read back unchanged");
    }

    @Test
    void aRevokedReportIsARetractionAndItsReasonIsRead() {
        TraffickingAlert r = SampleAlerts.heroinSeizure().setVersion(3).setLifecycle(Lifecycle.RETRACTION)
                .setRetractionReason("reported twice").build();
        StixAlertReader.Posted p = only(envelope(r));
        assertThat(p.ok()).as(String.valueOf(p.violations())).isTrue();
        assertThat(p.alert().getLifecycle()).isEqualTo(Lifecycle.RETRACTION);
        assertThat(p.alert().getRetractionReason()).isEqualTo("reported twice");
        assertThat(p.id()).isEqualTo(StixIds.report("tj-drug-control", r.getAlertId()));
        assertThat(p.createdBy()).isEqualTo(StixIds.agency("tj-drug-control"));
    }

    @Test
    void eachProblemIsToldAtTheEnvelopesPropertyWithTheAlertFieldItMapsTo() {
        ObjectNode env = envelope(SampleAlerts.heroinSeizure().build());
        ArrayNode objects = (ArrayNode) env.get("objects");
        int report = index(objects, "report");
        int consignment = index(objects, CorridorObjects.CONSIGNMENT);
        int observed = index(objects, "observed-data");
        ext(objects.get(report)).put("priority", "SOON");
        ((ObjectNode) objects.get(consignment).get("substances").get(0)).put("unit", "TONS");

        StixAlertReader.Posted p = only(env);
        assertThat(p.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "objects[" + report + "]." + EXT + "priority",
                "objects[" + consignment + "].substances[0].unit");
        assertThat(p.violations()).allMatch(v -> v.message().contains("(alert field "));
        assertThat(p.violations().toString()).contains("(alert field priority)", "(alert field substances[0].quantity.unit)");

        // The validator's findings on a well-typed alert are told at the STIX property too.
        ObjectNode valid = envelope(SampleAlerts.heroinSeizure().build());
        ext(((ArrayNode) valid.get("objects")).get(observed)).put("event_country", "XX");
        StixAlertReader.Posted typed = only(valid);
        assertThat(typed.ok()).isTrue();
        List<Violation> found = typed.located(AlertValidator.withDefaults().validate(stamped(typed.alert())));
        assertThat(found).extracting(Violation::path).contains("objects[" + observed + "]." + EXT + "event_country");
    }

    @Test
    void aPropertyTheMappingDoesNotKnowIsRefusedNotIgnored() {
        ObjectNode env = envelope(SampleAlerts.heroinSeizure().build());
        ArrayNode objects = (ArrayNode) env.get("objects");
        int report = index(objects, "report");
        int consignment = index(objects, CorridorObjects.CONSIGNMENT);
        ext(objects.get(report)).put("prority", "URGENT");
        ((ObjectNode) objects.get(consignment).get("substances").get(0)).put("weight", 3);
        assertThat(only(env).violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "objects[" + report + "]." + EXT + "prority", "objects[" + consignment + "].substances[0].weight");
    }

    @Test
    void theTlpMarkingDecidesWhenTheExtensionIsSilentAndMustAgreeWhenItSpeaks() {
        ObjectNode env = envelope(SampleAlerts.heroinSeizure().build());
        ObjectNode report = (ObjectNode) ((ArrayNode) env.get("objects")).get(index((ArrayNode) env.get("objects"), "report"));
        ext(report).remove("tlp");
        assertThat(only(env).alert().getHandling().getTlp()).isEqualTo(Tlp.AMBER);

        ext(report).put("tlp", "GREEN");
        assertThat(only(env).violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).endsWith("object_marking_refs");
            assertThat(v.message()).contains("TLP:AMBER", "GREEN");
        });
    }

    @Test
    void aReportWithoutItsObservedDataOrExtensionAndABrokenEnvelopeAreRefused() {
        ObjectNode env = envelope(SampleAlerts.heroinSeizure().build());
        ArrayNode objects = (ArrayNode) env.get("objects");
        int report = index(objects, "report");
        objects.remove(index(objects, "observed-data"));
        report = index(objects, "report");
        assertThat(only(env).violations()).extracting(Violation::path).contains("objects[" + report + "].object_refs");
        ((ObjectNode) objects.get(report)).remove("extensions");
        assertThat(only(env).violations()).extracting(Violation::path).contains("objects[" + report + "].extensions");

        assertThat(StixAlertReader.read(JSON.readTree("[]")).problem().path()).isEqualTo("objects");
        assertThat(StixAlertReader.read(JSON.readTree("{\"objects\":[]}")).problem()).isNotNull();
        assertThat(StixAlertReader.read(JSON.readTree("{\"objects\":[{\"type\":\"report\"}]}")).problem().path())
                .isEqualTo("objects[0]");
    }

    @Test
    void objectsNoReportRefersToAreListedAndEveryOtherIsPartOfItsReport() {
        ObjectNode env = envelope(SampleAlerts.heroinSeizure().build());
        ((ArrayNode) env.get("objects")).addObject().put("type", "indicator").put("id", "indicator--" + java.util.UUID.randomUUID());
        StixAlertReader.Envelope read = StixAlertReader.read(env);
        int last = env.get("objects").size() - 1;
        assertThat(read.unreferenced()).containsExactly(last);
        assertThat(read.reports().get(0).parts()).hasSize(last);
    }

    // --- helpers

    private static void roundTrip(TraffickingAlert original) {
        StixAlertReader.Posted p = only(envelope(original));
        assertThat(p.violations()).as("alert " + original.getAlertId()).isEmpty();
        TraffickingAlert read = p.alert();
        read.setVersion(original.getVersion());
        read.setReportedAt(original.getReportedAt());
        read.setOriginAgency(original.getOriginAgency());
        assertThat(normal(read)).as("alert " + original.getAlertId()).isEqualTo(normal(original));
    }

    /** The JSON form, with identifiers that hold nothing written as absent (STIX has no empty lists). */
    private static JsonNode normal(TraffickingAlert a) {
        ObjectNode o = AlertJson.write(a);
        JsonNode ids = o.get("identifiers");
        if (ids != null) {
            boolean empty = true;
            for (JsonNode v : ids) {
                empty &= v.isArray() && v.isEmpty();
            }
            if (empty) {
                o.remove("identifiers");
            }
        }
        return JSON.readTree(o.toString());
    }

    private static TraffickingAlert stamped(TraffickingAlert a) {
        TraffickingAlert s = a;
        s.setOriginAgency(SampleAlerts.heroinSeizure().getOriginAgency());
        s.setReportedAt(AT);
        return s;
    }

    private static ObjectNode envelope(TraffickingAlert a) {
        ObjectNode env = JSON.createObjectNode();
        ArrayNode objects = env.putArray("objects");
        AlertStix.objects(a, Versioning.first(AT)).forEach(objects::add);
        return env;
    }

    private static StixAlertReader.Posted only(ObjectNode env) {
        StixAlertReader.Envelope read = StixAlertReader.read(env);
        assertThat(read.problem()).isNull();
        assertThat(read.reports()).hasSize(1);
        return read.reports().get(0);
    }

    private static int index(ArrayNode objects, String type) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).get("type").asString().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static ObjectNode ext(JsonNode o) {
        return (ObjectNode) o.get("extensions").get(CorridorObjects.EXTENSION);
    }
}
