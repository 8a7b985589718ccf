package org.corridor.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FeedTrendsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode alert(String kind, String occurredOn, String category, String event, String... transit) {
        return JSON.readTree("{\"kind\":\"" + kind + "\",\"occurredOn\":\"" + occurredOn + "\",\"substances\":[{\"category\":\""
                + category + "\"}],\"route\":{\"eventCountry\":\"" + event + "\",\"transitCountries\":"
                + JSON.writeValueAsString(transit) + "}}");
    }

    @Test
    void countsPerWeekByCategoryAndCountryTheTopFiveAndTheRestAsOther() {
        List<JsonNode> alerts = new ArrayList<>();
        alerts.add(alert("SEIZURE", "2026-11-02", "OPIATE", "KZ", "TJ")); // Monday of week 1
        alerts.add(alert("SEIZURE", "2026-11-08", "OPIATE", "KZ"));       // Sunday of week 1
        alerts.add(alert("SEIZURE", "2026-11-09", "COCAINE", "BE"));      // week 2
        String[] more = {"CANNABIS", "ATS", "NPS", "PRECURSOR_TABLE_I", "PRECURSOR_TABLE_II"};
        for (String c : more) {
            alerts.add(alert("PRECURSOR_DIVERSION", "2026-11-16", c, "NL"));
        }
        alerts.add(alert("SEIZURE", "2025-01-01", "OPIATE", "KZ"));       // outside the period
        FeedTrends t = FeedTrends.of(alerts, LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-22"));
        assertThat(t.weeks()).containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"),
                LocalDate.parse("2026-11-16"));
        assertThat(t.total()).isEqualTo(8);
        FeedTrends.Series opiate = t.byCategory().series().get(0);
        assertThat(opiate.name()).isEqualTo("OPIATE");
        assertThat(opiate.counts()).containsExactly(2, 0, 0);
        assertThat(opiate.points()).isEqualTo("0,0 300,200 600,200");
        assertThat(t.byCategory().series()).hasSize(6);
        assertThat(t.byCategory().series().get(5).name()).isEqualTo("other");
        assertThat(t.byCategory().series().get(5).sum()).isEqualTo(2);
        assertThat(t.byCategory().max()).isEqualTo(2);
        assertThat(t.byCountry().series()).extracting(FeedTrends.Series::name).containsExactly("NL", "KZ", "BE", "TJ");
        assertThat(t.byCountry().series().get(0).counts()).containsExactly(0, 0, 5);
    }

    @Test
    void seizuresArePlacedAtTheirCoordinatesOrTheirCountry() {
        List<JsonNode> alerts = List.of(
                JSON.readTree("{\"kind\":\"SEIZURE\",\"route\":{\"eventCountry\":\"KZ\",\"coordinates\":{\"latitude\":45.2,\"longitude\":82.5}}}"),
                JSON.readTree("{\"kind\":\"SEIZURE\",\"route\":{\"eventCountry\":\"KZ\",\"coordinates\":{\"latitude\":45.2,\"longitude\":82.5}}}"),
                JSON.readTree("{\"kind\":\"SEIZURE\",\"route\":{\"eventCountry\":\"TJ\"}}"),
                JSON.readTree("{\"kind\":\"NEW_PSYCHOACTIVE_SUBSTANCE\",\"route\":{\"eventCountry\":\"DE\"}}"));
        SeizureMap map = SeizureMap.of(alerts, WorldMap.defaults());
        assertThat(map.dots()).hasSize(2);
        assertThat(map.dots().get(0)).satisfies(d -> {
            assertThat(d.x()).isEqualTo(825);
            assertThat(d.y()).isEqualTo(-452);
            assertThat(d.count()).isEqualTo(2);
        });
        assertThat(map.dots().get(1).r()).isLessThan(map.dots().get(0).r());
        assertThat(map.shapes()).filteredOn(s -> s.role().equals("event")).extracting(RouteMap.Shape::code)
                .containsExactlyInAnyOrder("KZ", "TJ");
        assertThat(SeizureMap.of(alerts.subList(3, 4), WorldMap.defaults()).viewBox()).isNull();
    }
}
