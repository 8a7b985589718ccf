package org.corridor.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InboxFilterTest {

    private static final JsonNode FEED = JsonMapper.builder().build().readTree("""
            [{"alertId":"a","kind":"SEIZURE","priority":"ROUTINE","occurredOn":"2026-11-01","receivedAt":"2026-11-02T00:00:00Z",
              "summary":"Cocaine in bananas","substances":[{"name":"cocaine","category":"COCAINE"}],
              "route":{"eventCountry":"BE","originCountry":"EC","transitCountries":[]}},
             {"alertId":"b","kind":"PRECURSOR_DIVERSION","priority":"URGENT","occurredOn":"2026-10-01","receivedAt":"2026-11-01T00:00:00Z",
              "summary":"Acetic anhydride","details":"forged licence","substances":[{"name":"acetic anhydride","category":"PRECURSOR_TABLE_I","casNumber":"108-24-7"}],
              "route":{"eventCountry":"KZ","transitCountries":["UZ","TJ"],"destinationCountry":"AF"}},
             {"alertId":"c","kind":"SEIZURE","priority":"PRIORITY","occurredOn":"2026-11-20","receivedAt":"2026-11-21T00:00:00Z",
              "summary":"Heroin at Dostyk","substances":[{"name":"heroin","category":"OPIATE"}],
              "route":{"eventCountry":"KZ","originCountry":"AF","transitCountries":["TJ"],"placeName":"Dostyk"}}]
            """);

    private static List<String> ids(InboxFilter f) {
        return f.apply(FEED).stream().map(a -> a.get("alertId").asString()).toList();
    }

    @Test
    void urgentFirstThenTheMostRecentlyReceived() {
        assertThat(ids(InboxFilter.NONE)).containsExactly("b", "c", "a");
    }

    @Test
    void urgentAlertsNotYetAcknowledgedComeFirstAndTheFilterTellsAcknowledgedFromNot() {
        JsonNode feed = JsonMapper.builder().build().readTree("""
                [{"alertId":"u1","version":2,"acknowledgedVersion":2,"priority":"URGENT","receivedAt":"2026-11-05T00:00:00Z"},
                 {"alertId":"u2","version":2,"acknowledgedVersion":1,"priority":"URGENT","receivedAt":"2026-11-01T00:00:00Z"},
                 {"alertId":"r1","version":1,"acknowledgedVersion":0,"priority":"ROUTINE","receivedAt":"2026-11-06T00:00:00Z"},
                 {"alertId":"x1","version":3,"acknowledgedVersion":0,"priority":"URGENT","lifecycle":"RETRACTION",
                  "receivedAt":"2026-11-04T00:00:00Z"}]""");
        assertThat(InboxFilter.NONE.apply(feed)).extracting(a -> a.get("alertId").asString()).containsExactly("u2", "r1", "u1", "x1");
        InboxFilter notYet = new InboxFilter(null, null, null, null, null, null, null, "no");
        assertThat(notYet.apply(feed)).extracting(a -> a.get("alertId").asString()).containsExactly("u2", "r1", "x1");
        InboxFilter done = new InboxFilter(null, null, null, null, null, null, null, "yes");
        assertThat(done.apply(feed)).extracting(a -> a.get("alertId").asString()).containsExactly("u1");
    }

    @Test
    void eachCriterionNarrowsAndBlankOnesMatchEverything() {
        assertThat(ids(new InboxFilter("SEIZURE", "", null, null, null, null, " "))).containsExactly("c", "a");
        assertThat(ids(new InboxFilter(null, "URGENT", null, null, null, null, null))).containsExactly("b");
        assertThat(ids(new InboxFilter(null, null, "heroin", null, null, null, null))).containsExactly("c");
        assertThat(ids(new InboxFilter(null, null, "precursor_table_i", null, null, null, null))).containsExactly("b");
        assertThat(ids(new InboxFilter(null, null, "108-24-7", null, null, null, null))).containsExactly("b");
        assertThat(ids(new InboxFilter(null, null, null, "tj", null, null, null))).containsExactly("b", "c");
        assertThat(ids(new InboxFilter(null, null, null, "EC", null, null, null))).containsExactly("a");
        assertThat(ids(new InboxFilter(null, null, null, null, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-19"), null)))
                .containsExactly("a");
        assertThat(ids(new InboxFilter(null, null, null, null, null, null, "FORGED"))).containsExactly("b");
        assertThat(ids(new InboxFilter(null, null, null, null, null, null, "dostyk"))).containsExactly("c");
        assertThat(ids(new InboxFilter("SEIZURE", null, null, "KZ", null, null, null))).containsExactly("c");
    }
}
