package org.corridor.consumer.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.consumer.Alerts.neutral;
import static org.corridor.consumer.Alerts.substance;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Loading rules: bad files stop with file, line and reason; extra conditions work. */
class RoutingRulesTest {

    private static RoutingRules load(String yaml) {
        return RoutingRules.load("rules.yml", new StringReader(yaml), ReferenceData.defaults());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "body: NATO | rules.yml:4: body: \"NATO\" is not a known body (one of CARICC, CICA, CIS, CSTO, EUDA, EUROPOL, INCB, INTERPOL, OSCE, PARIS_PACT, SCO, SELEC, UNODC)",
        "body: UNODC~    when: {routeCountries: [XX]} | rules.yml:5: \"XX\" is not an ISO 3166-1 alpha-2 code",
        "body: UNODC~    when: {colour: red} | rules.yml:5: unknown key \"colour\"; allowed: [casNumbers, categories, eventCountryMemberOf, hasConcealment, kinds, minQuantity, minRouteCountries, priorities, routeCountries, routeMemberOf, tlp]",
        "body: UNODC~    when: {kinds: [SEIZED]} | rules.yml:5: \"SEIZED\" is not one of SEIZURE, STOPPED_SHIPMENT, SUSPICIOUS_SHIPMENT, DIVERSION, CLANDESTINE_LAB, EQUIPMENT, NPS_DETECTION, TRAFFICKING_ROUTE, MODUS_OPERANDI",
        "body: UNODC~    when: {casNumbers: [108-24-8]} | rules.yml:5: \"108-24-8\" is not a valid CAS number",
        "body: UNODC~    when: {routeMemberOf: UNODC} | rules.yml:5: routeMemberOf: \"UNODC\" has no membership list (bodies with one: [CARICC, CICA, CIS, CSTO, EUDA, EUROPOL, PARIS_PACT, SCO, SELEC])",
        "body: UNODC~    colour: red | rules.yml:5: unknown key \"colour\"; allowed: [body, id, when]",
    })
    void badRuleStopsLoadingWithItsLine(String ruleBody, String message) {
        String yaml = "version: test\nrules:\n  - id: r1\n    " + ruleBody.replace("~", "\n")
                + (ruleBody.contains("when") || ruleBody.contains("colour") ? "" : "\n    when: {kinds: [SEIZURE]}") + "\n";
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RoutingRulesException.class).hasMessage(message);
    }

    @Test
    void duplicateIdsAndMissingKeysAreReported() {
        assertThatThrownBy(() -> load("version: t\nrules:\n  - {id: a, body: UNODC, when: {kinds: [SEIZURE]}}\n"
                + "  - {id: a, body: INCB, when: {kinds: [SEIZURE]}}\n"))
                .hasMessage("rules.yml:4: id: \"a\" is used by another rule");
        assertThatThrownBy(() -> load("version: t\nrules:\n  - {id: a, when: {kinds: [SEIZURE]}}\n"))
                .hasMessage("rules.yml:3: body: required");
        assertThatThrownBy(() -> load("rules: []\n")).hasMessage("rules.yml:1: version: required");
        assertThatThrownBy(() -> load("version: t\nrules: [\n")).isInstanceOf(RoutingRulesException.class)
                .hasMessageStartingWith("rules.yml:0: not valid YAML");
    }

    @Test
    void minQuantityConvertsUnits() {
        RoutingRules rules = load("version: t\nrules:\n  - id: big\n    body: UNODC\n    when:\n"
                + "      minQuantity: {amount: 100, unit: KG}\n      priorities: [ROUTINE]\n");
        Relevance relevance = new Relevance(rules, ReferenceData.defaults());
        assertThat(relevance.concerned(neutral().setSubstances(new ArrayList<>(List.of(
                substance("cocaine", SubstanceCategory.COCAINE, null, "100000", QuantityUnit.G)))).build())).containsKey("UNODC");
        assertThat(relevance.concerned(neutral().setSubstances(new ArrayList<>(List.of(
                substance("cocaine", SubstanceCategory.COCAINE, null, "99.999", QuantityUnit.KG)))).build())).isEmpty();
        assertThat(relevance.concerned(neutral().setSubstances(new ArrayList<>(List.of(
                substance("cocaine", SubstanceCategory.COCAINE, null, "500", QuantityUnit.L)))).build())).isEmpty();
    }
}
