package org.corridor.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RouteMapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WorldMap WORLD = WorldMap.defaults();

    private static JsonNode route(String json) {
        return JSON.readTree(json);
    }

    @Test
    void theRoutesCountriesAreColouredByRoleAndJoinedInOrder() {
        RouteMap map = RouteMap.of(route("""
                {"originCountry":"AF","transitCountries":["TJ","UZ"],"eventCountry":"KZ","destinationCountry":"RU",
                 "coordinates":{"latitude":45.25,"longitude":82.48}}"""), WORLD, Locale.ENGLISH);
        assertThat(map.stops()).extracting(RouteMap.Stop::code).containsExactly("AF", "TJ", "UZ", "RU", "KZ");
        assertThat(map.stops()).extracting(RouteMap.Stop::role)
                .containsExactly("origin", "transit", "transit", "destination", "event");
        assertThat(map.stops().get(0).name()).isEqualTo("Afghanistan");
        assertThat(map.legs()).hasSize(3);
        assertThat(map.shapes()).anySatisfy(s -> {
            assertThat(s.code()).isEqualTo("TJ");
            assertThat(s.role()).isEqualTo("transit");
            assertThat(s.path()).startsWith("M").endsWith("Z");
        });
        assertThat(map.shapes()).filteredOn(s -> s.code().equals("FR")).isEmpty(); // far outside the route's box
        assertThat(map.shapes()).filteredOn(s -> s.code().equals("CN")).singleElement()
                .satisfies(s -> assertThat(s.role()).isEqualTo("other"));
        assertThat(map.place()).containsExactly(825, -453);
        assertThat(map.missing()).isEmpty();
        // Route shapes come after the others, so they are drawn on top.
        assertThat(map.shapes().get(map.shapes().size() - 1).role()).isNotEqualTo("other");
    }

    @Test
    void namesAreInTheReadersLanguageAndNothingButCountryCodesIsTaken() {
        RouteMap map = RouteMap.of(route("""
                {"originCountry":"EC","transitCountries":["<script>","MT"],"destinationCountry":"BE"}"""),
                WORLD, Locale.forLanguageTag("ru"));
        assertThat(map.stops()).extracting(RouteMap.Stop::code).containsExactly("EC", "MT", "BE");
        assertThat(map.stops().get(2).name()).isEqualTo("Бельгия");
        assertThat(map.missing()).containsExactly("MT");
        assertThat(map.legs()).hasSize(1); // Malta has no shape at this scale: Ecuador to Belgium directly
        assertThat(map.viewBox()).matches("-?\\d+ -?\\d+ \\d+ \\d+");
    }

    @Test
    void aRouteWithoutCountriesOnTheMapHasNoPicture() {
        RouteMap map = RouteMap.of(route("{\"eventCountry\":\"SM\"}"), WORLD, Locale.ENGLISH);
        assertThat(map.viewBox()).isNull();
        assertThat(map.missing()).containsExactly("SM");
    }

    @Test
    void theBundledMapHoldsTheOsceRegionAndItsNeighbours() {
        for (String c : new String[] {"AF", "TJ", "KZ", "UZ", "KG", "TM", "RU", "UA", "TR", "IR", "PK", "BE", "NL", "DE",
                "ME", "RS", "AL", "MK", "BA", "US", "CA", "EC", "CO"}) {
            assertThat(WORLD.country(c)).as(c).isNotNull();
        }
    }
}
