package org.corridor.consumer.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.consumer.Alerts.neutral;
import static org.corridor.consumer.Alerts.route;
import static org.corridor.consumer.Alerts.substance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** Every default rule: an alert that must reach its body, and a near miss that must not. */
class DefaultRulesTest {

    private static final ReferenceData REFERENCE = ReferenceData.defaults();
    private final RoutingRules rules = RoutingRules.defaults(REFERENCE);
    private final Relevance relevance = new Relevance(rules, REFERENCE);

    private Map<String, Set<String>> concerned(TraffickingAlert.Builder alert) {
        return relevance.concerned(alert.build());
    }

    private void hits(String rule, TraffickingAlert.Builder alert) {
        String body = rules.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().body();
        assertThat(concerned(alert).getOrDefault(body, Set.of())).as(rule).contains(rule);
    }

    private void misses(String rule, TraffickingAlert.Builder alert) {
        assertThat(concerned(alert).values().stream().flatMap(Set::stream)).as(rule).doesNotContain(rule);
    }

    private static TraffickingAlert.Builder withSubstances(TraffickingAlert.Builder b, org.corridor.schemas.avro.Substance... s) {
        return b.setSubstances(new ArrayList<>(List.of(s)));
    }

    @Test
    void neutralAlertConcernsNobody() {
        assertThat(concerned(neutral())).isEmpty();
    }

    @Test
    void everyRuleIsCovered() {
        assertThat(rules.rules()).extracting(RoutingRule::id).containsExactlyInAnyOrder(
                "unodc-seizures", "incb-precursors", "incb-clandestine-labs", "incb-nps", "incb-nps-detections",
                "incb-pics-shipments", "interpol-cross-border", "interpol-modus-operandi", "interpol-concealment",
                "paris-pact-opiates", "paris-pact-acetic-anhydride", "europol-eu-route", "euda-nps", "euda-nps-detections",
                "euda-synthetic-production", "selec-region", "caricc-region", "csto-region", "sco-region", "cis-region",
                "cica-region", "osce-strategic");
    }

    @Test
    void unodcGetsSeizures() {
        hits("unodc-seizures", withSubstances(neutral().setKind(AlertKind.SEIZURE), substance("cocaine", SubstanceCategory.COCAINE, null, "5", QuantityUnit.KG)));
        misses("unodc-seizures", neutral().setKind(AlertKind.SUSPICIOUS_SHIPMENT));
    }

    @Test
    void incbGetsPrecursorsOfEveryKind() {
        hits("incb-precursors", withSubstances(neutral(), substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7", "10", QuantityUnit.L)));
        hits("incb-precursors", withSubstances(neutral(), substance("toluene", SubstanceCategory.PRECURSOR_TABLE_II, "108-88-3", null, null)));
        hits("incb-precursors", withSubstances(neutral(), substance("BMK glycidate", SubstanceCategory.NON_SCHEDULED_CHEMICAL, null, null, null)));
        misses("incb-precursors", withSubstances(neutral(), substance("cocaine", SubstanceCategory.COCAINE, null, null, null)));
    }

    @Test
    void incbGetsLabsNpsAndPicsShipments() {
        hits("incb-clandestine-labs", neutral().setKind(AlertKind.CLANDESTINE_LAB));
        misses("incb-clandestine-labs", neutral().setKind(AlertKind.EQUIPMENT));
        hits("incb-nps", withSubstances(neutral(), substance("3-CMC", SubstanceCategory.NPS, null, null, null)));
        misses("incb-nps", withSubstances(neutral(), substance("MDMA", SubstanceCategory.AMPHETAMINE_TYPE, null, null, null)));
        hits("incb-nps-detections", neutral().setKind(AlertKind.NPS_DETECTION));
        misses("incb-nps-detections", neutral().setKind(AlertKind.MODUS_OPERANDI));
        hits("incb-pics-shipments", neutral().setKind(AlertKind.STOPPED_SHIPMENT));
        hits("incb-pics-shipments", neutral().setKind(AlertKind.SUSPICIOUS_SHIPMENT));
        misses("incb-pics-shipments", neutral().setKind(AlertKind.DIVERSION));
    }

    @Test
    void interpolGetsCrossBorderModusOperandiAndConcealment() {
        hits("interpol-cross-border", neutral().setRoute(route("BR", "CL", List.of(), null)));
        misses("interpol-cross-border", neutral().setRoute(route("BR", "BR", List.of("BR"), "BR")));
        hits("interpol-modus-operandi", neutral().setKind(AlertKind.MODUS_OPERANDI));
        misses("interpol-modus-operandi", neutral().setKind(AlertKind.TRAFFICKING_ROUTE));
        hits("interpol-concealment", neutral().setConcealmentMethod("inside frozen fish"));
        misses("interpol-concealment", neutral().setConcealmentMethod(" "));
    }

    @Test
    void parisPactGetsOpiatesAndAceticAnhydrideOnItsRoutes() {
        TraffickingAlert.Builder heroinViaTajikistan = withSubstances(neutral().setRoute(route("BR", "AF", List.of("TJ"), null)),
                substance("heroin", SubstanceCategory.OPIATE, null, "1", QuantityUnit.KG));
        hits("paris-pact-opiates", heroinViaTajikistan);
        misses("paris-pact-opiates", withSubstances(neutral(), substance("heroin", SubstanceCategory.OPIATE, null, "1", QuantityUnit.KG)));
        hits("paris-pact-acetic-anhydride", withSubstances(neutral().setRoute(route("TR", null, List.of(), null)),
                substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7", "100", QuantityUnit.L)));
        misses("paris-pact-acetic-anhydride", withSubstances(neutral().setRoute(route("TR", null, List.of(), null)),
                substance("potassium permanganate", SubstanceCategory.PRECURSOR_TABLE_I, "7722-64-7", "100", QuantityUnit.KG)));
    }

    @Test
    void europolGetsEuRoutes() {
        hits("europol-eu-route", neutral().setRoute(route("BR", null, List.of(), "NL")));
        misses("europol-eu-route", neutral().setRoute(route("BR", null, List.of(), "NO")));
    }

    @Test
    void eudaGetsNpsOnEuNoTrRoutesAndEuSyntheticProduction() {
        hits("euda-nps", withSubstances(neutral().setRoute(route("NO", null, List.of(), null)), substance("3-CMC", SubstanceCategory.NPS, null, null, null)));
        misses("euda-nps", withSubstances(neutral(), substance("3-CMC", SubstanceCategory.NPS, null, null, null)));
        hits("euda-nps-detections", neutral().setKind(AlertKind.NPS_DETECTION).setRoute(route("TR", null, List.of(), null)));
        misses("euda-nps-detections", neutral().setKind(AlertKind.NPS_DETECTION).setRoute(route("RS", null, List.of(), null)));
        TraffickingAlert.Builder dutchLab = withSubstances(neutral().setKind(AlertKind.CLANDESTINE_LAB)
                .setRoute(route("NL", null, List.of(), null)), substance("MDMA", SubstanceCategory.AMPHETAMINE_TYPE, null, "30", QuantityUnit.KG));
        hits("euda-synthetic-production", dutchLab);
        misses("euda-synthetic-production", withSubstances(neutral().setKind(AlertKind.CLANDESTINE_LAB)
                .setRoute(route("NL", null, List.of(), null)), substance("cocaine", SubstanceCategory.COCAINE, null, "30", QuantityUnit.KG)));
        misses("euda-synthetic-production", withSubstances(neutral().setKind(AlertKind.CLANDESTINE_LAB)
                .setRoute(route("RS", null, List.of(), "NL")), substance("MDMA", SubstanceCategory.AMPHETAMINE_TYPE, null, "30", QuantityUnit.KG)));
    }

    @Test
    void regionalBodiesGetTheirMembersRoutes() {
        hits("selec-region", neutral().setRoute(route("BR", null, List.of("RS"), null)));
        misses("selec-region", neutral().setRoute(route("BR", null, List.of("HR"), null)));
        hits("caricc-region", neutral().setRoute(route("UZ", null, List.of(), null)));
        misses("caricc-region", neutral().setRoute(route("AF", null, List.of(), null)));
        hits("csto-region", neutral().setRoute(route("BR", null, List.of(), "AM")));
        misses("csto-region", neutral().setRoute(route("BR", null, List.of(), "AZ")));
        hits("cis-region", neutral().setRoute(route("BR", "MD", List.of(), null)));
        misses("cis-region", neutral().setRoute(route("BR", "UA", List.of(), null)));
        hits("cica-region", neutral().setRoute(route("AF", null, List.of(), null)));
        misses("cica-region", neutral().setRoute(route("BR", null, List.of(), null)));
    }

    @Test
    void membershipsFollowTheEventDate() {
        TraffickingAlert.Builder viaBelarus = neutral().setRoute(route("BY", null, List.of(), null));
        hits("sco-region", viaBelarus.setOccurredOn(LocalDate.of(2024, 7, 4)));
        misses("sco-region", viaBelarus.setOccurredOn(LocalDate.of(2024, 7, 3)));
        TraffickingAlert.Builder viaGeorgia = neutral().setRoute(route("GE", null, List.of(), null));
        hits("cis-region", viaGeorgia.setOccurredOn(LocalDate.of(2009, 8, 17)));
        misses("cis-region", viaGeorgia.setOccurredOn(LocalDate.of(2009, 8, 18)));
    }

    @Test
    void osceGetsGreenAndClear() {
        hits("osce-strategic", neutral().setHandling(neutral().getHandling()).setHandling(
                new org.corridor.schemas.avro.Handling(Tlp.GREEN, org.corridor.schemas.avro.HandlingCode.H0, null,
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false)));
        hits("osce-strategic", neutral().setHandling(new org.corridor.schemas.avro.Handling(Tlp.CLEAR,
                org.corridor.schemas.avro.HandlingCode.H0, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false)));
        misses("osce-strategic", neutral());
    }

    @Test
    void previousRecipientsStayConcerned() {
        assertThat(relevance.concerned(neutral().build(), Set.of("SELEC"))).containsEntry("SELEC", Set.of(Relevance.PREVIOUS_RECIPIENT));
    }
}
