package org.corridor.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    private static List<String> problems(String json) {
        return AlertJson.read(json).violations().stream().map(Violation::toString).toList();
    }

    @Test
    void writeThenReadGivesTheSameAlert() {
        for (long seed = 0; seed < 500; seed++) {
            TraffickingAlert alert = SampleAlerts.random(seed);
            AlertJson.Read read = AlertJson.read(AlertJson.toJson(alert));
            assertThat(read.violations()).isEmpty();
            assertThat(read.alert()).as("seed %d", seed).isEqualTo(alert);
        }
        TraffickingAlert full = SampleAlerts.heroinSeizure().build();
        assertThat(AlertJson.read(AlertJson.toJson(full)).alert()).isEqualTo(full);
    }

    @Test
    void serverManagedFieldsMayBeLeftOut() {
        AlertJson.Read read = AlertJson.read("""
            {"kind":"SEIZURE","priority":"ROUTINE","occurredOn":"2026-11-01","summary":"s",
             "route":{"eventCountry":"KZ"},"handling":{"tlp":"AMBER+STRICT"},
             "substances":[{"name":"heroin","category":"OPIATE","quantity":{"amount":"1.5","unit":"KG"}}]}""");
        assertThat(read.violations()).isEmpty();
        TraffickingAlert a = read.alert();
        assertThat(a.getAlertId()).isNull();
        assertThat(a.getReportedAt()).isNull();
        assertThat(a.getVersion()).isEqualTo(1);
        assertThat(a.getLifecycle()).isEqualTo(Lifecycle.NEW);
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getTransportMode()).isEqualTo(TransportMode.NOT_SPECIFIED);
        assertThat(a.getHandling().getTlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(a.getHandling().getRelaxes()).isFalse();
        assertThat(a.getSubstances().get(0).getQuantity().getAmount()).isEqualByComparingTo("1.5");
    }

    @Test
    void aNumberBeyondADoublesRangeIsInfinityThatTheRulesRefuse() {
        AlertJson.Read read = AlertJson.read("""
            {"kind":"SEIZURE","priority":"ROUTINE","occurredOn":"2026-11-01","summary":"s",
             "route":{"eventCountry":"KZ"},"handling":{"tlp":"AMBER"},
             "substances":[{"name":"heroin","category":"OPIATE","purityPercent":1E+400}]}""");
        assertThat(read.violations()).isEmpty();
        assertThat(read.alert().getSubstances().get(0).getPurityPercent()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(AlertValidator.withDefaults().validate(read.alert())).map(Violation::toString)
                .contains("substances[0].purityPercent: must be greater than 0 and at most 100, was Infinity");
    }

    @Test
    void reportsEveryTypeProblemWithItsPath() {
        assertThat(problems("""
            {"kind":"SEIZED","priority":3,"occurredOn":"20/11/2026","alertId":"not-a-uuid","colour":"red",
             "route":{"eventCountry":"KZ","transitCountries":"TJ"},
             "substances":[{"name":"heroin","quantity":{"amount":"lots","unit":"TONNES"}}, 7],
             "handling":{"tlp":"GREEN","addressedTo":["UNODC", 5]},
             "evaluation":{"sourceReliability":"B","informationAssessment":2.5}}"""))
                .containsExactlyInAnyOrder(
                        "colour: unknown field",
                        "alertId: \"not-a-uuid\" is not a UUID",
                        "kind: \"SEIZED\" is not one of SEIZURE, STOPPED_SHIPMENT, SUSPICIOUS_SHIPMENT, DIVERSION, "
                                + "CLANDESTINE_LAB, EQUIPMENT, NPS_DETECTION, TRAFFICKING_ROUTE, MODUS_OPERANDI",
                        "priority: must be a string",
                        "occurredOn: \"20/11/2026\" is not a date (YYYY-MM-DD)",
                        "substances[0].quantity.amount: \"lots\" is not a number",
                        "substances[0].quantity.unit: \"TONNES\" is not one of KG, G, L, ML, UNITS, TABLETS",
                        "substances[1]: must be an object",
                        "route.transitCountries: must be an array",
                        "handling.addressedTo[1]: must be a string",
                        "evaluation.informationAssessment: must be a whole number");
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        assertThat(problems("{\"kind\": \"SEIZURE\",\n \"summary\": }"))
                .containsExactly("body: malformed JSON at line 2, column 13");
        assertThat(problems("[1,2]")).containsExactly("body: must be a JSON object");
    }

    @Test
    void aCorrectionSaysItRelaxesTheMarkingsWithABoolean() {
        String alert = """
            {"kind":"SEIZURE","occurredOn":"2026-11-01","summary":"s","route":{"eventCountry":"KZ"},
             "handling":{"tlp":"GREEN","relaxes":RELAXES},"substances":[{"name":"heroin","category":"OPIATE"}]}""";
        assertThat(AlertJson.read(alert.replace("RELAXES", "true")).alert().getHandling().getRelaxes()).isTrue();
        assertThat(AlertJson.read(alert.replace("RELAXES", "\"yes\"")).violations()).map(Violation::toString)
                .containsExactly("handling.relaxes: must be true or false");
        TraffickingAlert relaxing = AlertJson.read(alert.replace("RELAXES", "true")).alert();
        assertThat(AlertJson.toJson(relaxing)).contains("\"relaxes\":true");
    }
}
