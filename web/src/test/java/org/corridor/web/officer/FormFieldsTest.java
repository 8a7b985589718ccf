package org.corridor.web.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode problem(String errors) {
        return JSON.readTree("{\"detail\":\"3 invalid fields\",\"errors\":" + errors + "}");
    }

    @Test
    void eachFindingGoesToTheFieldHoldingItsPathAndTheRestAboveTheForm() {
        FormFields.Findings f = FormFields.of(problem("[{\"field\":\"summary\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"route.transitCountries[1]\",\"message\":\"\\\"XX\\\" is not a country\"},"
                + "{\"field\":\"substances[0].quantity.amount\",\"message\":\"at most 3 decimals\"},"
                + "{\"field\":\"substances[1].name\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"handling.addressedTo\",\"message\":\"TLP:RED needs at least one addressee\"}]"));
        assertThat(f.errors("summary")).containsExactly("must not be blank");
        assertThat(f.errors("transitCountries")).containsExactly("\"XX\" is not a country");
        assertThat(f.errors("amount")).containsExactly("at most 3 decimals");
        assertThat(f.errors("addressedTo")).containsExactly("TLP:RED needs at least one addressee");
        assertThat(f.general()).containsExactly("substances[1].name: must not be blank");
        assertThat(f.errors("kind")).isNull();
        assertThat(f.errors(null)).isNull();
    }

    @Test
    void aProblemWithoutFieldsIsToldByItsDetail() {
        FormFields.Findings f = FormFields.of(JSON.readTree("{\"detail\":\"the broker cannot take the write now\"}"));
        assertThat(f.general()).containsExactly("the broker cannot take the write now");
        assertThat(f.byField()).isEmpty();
        assertThat(f.isEmpty()).isFalse();
    }

    @Test
    void everyFieldTheFormHasIsReachedByAPath() {
        for (String field : new String[] {"kind", "priority", "occurredOn", "substanceName", "substanceCategory", "casNumber",
                "amount", "unit", "eventCountry", "originCountry", "transitCountries", "destinationCountry", "placeName",
                "transportMode", "summary", "details", "language", "tlp", "handlingCode", "addressedTo", "notReleasableTo"}) {
            AlertForm form = new AlertForm();
            assertThat(form.value(field)).as(field).isNotNull();
        }
        assertThat(FormFields.field("route.eventCountry")).isEqualTo("eventCountry");
        assertThat(FormFields.field("handling.notReleasableTo[0]")).isEqualTo("notReleasableTo");
        assertThat(FormFields.field("route.transitCountries[x]")).isNull();
    }
}
