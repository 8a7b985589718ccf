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
}
