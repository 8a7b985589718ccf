package org.corridor.web.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AlertFormTest {

    @Test
    void theFormBecomesTheAlertsJsonFormBlankFieldsLeftOut() {
        AlertForm f = new AlertForm();
        f.setSubstanceName("acetic anhydride");
        f.setSubstanceCategory("PRECURSOR_TABLE_I");
        f.setCasNumber(" 108-24-7 ");
        f.setAmount("1200");
        f.setUnit("L");
        f.setEventCountry("kz");
        f.setTransitCountries("tj, uz  ,");
        f.setSummary("<b>precursor</b>");
        f.setAddressedTo("caricc,UNODC");
        ObjectNode json = f.toJson();
        assertThat(json.get("substances").get(0).get("casNumber").asString()).isEqualTo("108-24-7");
        assertThat(json.get("substances").get(0).get("quantity").get("amount").asString()).isEqualTo("1200");
        assertThat(json.get("route").get("eventCountry").asString()).isEqualTo("KZ");
        assertThat(json.get("route").get("transitCountries").toString()).isEqualTo("[\"TJ\",\"UZ\"]");
        assertThat(json.get("route").has("originCountry")).isFalse();
        assertThat(json.has("occurredOn")).isFalse();
        assertThat(json.get("summary").asString()).isEqualTo("<b>precursor</b>");
        assertThat(json.get("handling").get("addressedTo").toString()).isEqualTo("[\"CARICC\",\"UNODC\"]");
        assertThat(json.has("originAgency")).as("the agency is the login's, set by the exchange").isFalse();
    }

    @Test
    void noQuantityWithoutAnAmount() {
        AlertForm f = new AlertForm();
        f.setSubstanceName("heroin");
        assertThat(f.toJson().get("substances").get(0).has("quantity")).isFalse();
    }

    private static final String PUBLISHED = """
            {"alertId":"8d1c2f0e-6a55-4b7e-9a38-0f6f1c1e2a10","version":2,"lifecycle":"UPDATE",
             "reportedAt":"2026-11-21T08:00:00Z","originAgency":{"agencyId":"kz-customs","country":"KZ","name":"KZ"},
             "kind":"SEIZURE","priority":"URGENT","occurredOn":"2026-11-20",
             "substances":[{"name":"heroin","category":"OPIATE","purityPercent":61.5,"quantity":{"amount":"412.5","unit":"KG"}},
                           {"name":"acetic anhydride","category":"PRECURSOR_TABLE_I","casNumber":"108-24-7"}],
             "route":{"originCountry":"AF","transitCountries":["TJ"],"eventCountry":"KZ","destinationCountry":"RU",
                      "latitude":43.2},
             "transportMode":"ROAD","summary":"Heroin in a truck","details":"<script>x</script>","language":"en",
             "identifiers":{"containers":["MSCU1234565"]},"evaluation":{"sourceReliability":"B"},"links":[],
             "handling":{"tlp":"AMBER","handlingCode":"H3","handlingRestriction":"no onward use","addressedTo":["CARICC","UNODC"],
                         "notReleasableTo":[]}}
            """;

    @Test
    void aCorrectionStartsFromThePublishedVersionAndKeepsWhatTheFormDoesNotShow() {
        tools.jackson.databind.JsonNode published = tools.jackson.databind.json.JsonMapper.shared().readTree(PUBLISHED);
        AlertForm f = AlertForm.of(published);
        assertThat(f.getPriority()).isEqualTo("URGENT");
        assertThat(f.getAmount()).isEqualTo("412.5");
        assertThat(f.getTransitCountries()).isEqualTo("TJ");
        assertThat(f.getAddressedTo()).isEqualTo("CARICC, UNODC");
        assertThat(f.getDetails()).isEqualTo("<script>x</script>");
        assertThat(f.getCasNumber()).isEmpty();
        assertThat(AlertForm.kept(published)).containsExactly("identifiers", "evaluation", "substances[1]");

        f.setAmount("415");
        f.setPlaceName("");
        f.setTransitCountries("TJ, UZ");
        f.setAddressedTo("CARICC");
        ObjectNode corrected = f.applyTo(published);
        assertThat(corrected.get("alertId").asString()).isEqualTo("8d1c2f0e-6a55-4b7e-9a38-0f6f1c1e2a10");
        assertThat(corrected.has("version") || corrected.has("lifecycle") || corrected.has("reportedAt")
                || corrected.has("originAgency")).as("set by the exchange on the next version").isFalse();
        assertThat(corrected.at("/substances/0/quantity/amount").asString()).isEqualTo("415");
        assertThat(corrected.at("/substances/0/purityPercent").asDouble()).as("kept").isEqualTo(61.5);
        assertThat(corrected.at("/substances/1/casNumber").asString()).isEqualTo("108-24-7");
        assertThat(corrected.at("/route/transitCountries").toString()).isEqualTo("[\"TJ\",\"UZ\"]");
        assertThat(corrected.at("/route/latitude").asDouble()).as("kept").isEqualTo(43.2);
        assertThat(corrected.at("/identifiers/containers/0").asString()).isEqualTo("MSCU1234565");
        assertThat(corrected.at("/handling/handlingRestriction").asString()).isEqualTo("no onward use");
        assertThat(corrected.at("/handling/addressedTo").toString()).isEqualTo("[\"CARICC\"]");
        assertThat(corrected.get("details").asString()).isEqualTo("<script>x</script>");

        // A field emptied in the form is removed, not kept.
        f.setOccurredOn("");
        assertThat(f.applyTo(published).has("occurredOn")).isFalse();
    }
}
