package org.corridor.consumer.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import org.junit.jupiter.api.Test;

class ObjectQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    /** Three versions of the heroin alert and 40 generated alerts, one record a second, over two partitions. */
    static List<Stored> collection() {
        List<Entry<TraffickingAlert>> entries = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            TraffickingAlert a = SampleAlerts.heroinSeizure().setVersion(v)
                    .setLifecycle(v == 1 ? Lifecycle.NEW : v == 2 ? Lifecycle.UPDATE : Lifecycle.RETRACTION).build();
            entries.add(new Entry<>(v % 2, v, T0.plusSeconds(v).toEpochMilli(), "k", a));
        }
        for (int i = 0; i < 40; i++) {
            entries.add(new Entry<>(i % 2, 100 + i, T0.plusSeconds(10 + i).toEpochMilli(), "k", SampleAlerts.random(i)));
        }
        entries.add(entries.get(1));  // a replay of version 2: served once
        return CollectionObjects.alerts(entries);
    }

    static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> p = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
        }
        return p;
    }

    @Test
    void pagesCoverTheSelectionOnceInOrder() {
        List<Stored> all = collection();
        ObjectQuery q = ObjectQuery.parse(params("limit", "7", "match[version]", "all"), null);
        List<Stored> selected = q.select(all);
        List<Stored> paged = new ArrayList<>();
        int served = 0;
        Map<Integer, Long> end = Map.of(0, 200L, 1, 201L);
        while (true) {
            ObjectQuery.Page p = q.page(selected, served, end);
            paged.addAll(p.items());
            if (!p.more()) {
                break;
            }
            PageToken t = PageToken.decode(p.next(), q.key());
            assertThat(t.end()).isEqualTo(end);
            served = t.served();
        }
        assertThat(paged).isEqualTo(selected).hasSameSizeAs(all);
        Set<String> versions = new HashSet<>();
        paged.forEach(s -> assertThat(versions.add(s.id() + "@" + s.version())).isTrue());
        for (int i = 1; i < paged.size(); i++) {
            assertThat(paged.get(i).dateAdded()).isAfterOrEqualTo(paged.get(i - 1).dateAdded());
        }
    }

    @Test
    void versionsAreChosenPerObjectAndAddedAfterIsStrict() {
        List<Stored> all = collection();
        List<Stored> lastReports = ObjectQuery.parse(params("match[type]", "report"), null).select(all);
        assertThat(lastReports).hasSize(41);
        String heroin = lastReports.get(0).id();
        List<Stored> three = ObjectQuery.parse(params("match[version]", "all"), heroin).select(all);
        assertThat(three).hasSize(3);
        assertThat(ObjectQuery.parse(params(), heroin).select(all)).singleElement()
                .satisfies(s -> assertThat(s.object().get("revoked").asBoolean()).isTrue());
        assertThat(ObjectQuery.parse(params("match[version]", "first"), heroin).select(all)).singleElement()
                .satisfies(s -> assertThat(s.object().has("revoked")).isFalse());
        assertThat(ObjectQuery.parse(params("match[version]", three.get(1).version()), heroin).select(all))
                .containsExactly(three.get(1));
        String cut = Taxii.time(T0.plusSeconds(2));
        assertThat(ObjectQuery.parse(params("match[type]", "report", "added_after", cut), null).select(all))
                .allMatch(s -> s.dateAdded().isAfter(T0.plusSeconds(2))).hasSize(41);
        assertThat(ObjectQuery.parse(params("match[type]", "report,observed-data", "match[spec_version]", "2.0"), null)
                .select(all)).isEmpty();
    }

    @Test
    void badFiltersAndForeignTokensAreRefusedByName() {
        assertThatThrownBy(() -> ObjectQuery.parse(params("limit", "0"), null)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> ObjectQuery.parse(params("limit", "x"), null)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> ObjectQuery.parse(params("added_after", "yesterday"), null)).hasMessageStartingWith("added_after:");
        assertThatThrownBy(() -> ObjectQuery.parse(params("match[version]", "newest"), null)).hasMessageStartingWith("match[version]:");
        assertThatThrownBy(() -> ObjectQuery.parse(params("match[type]", "Report!"), null)).hasMessageStartingWith("match[type]:");
        assertThatThrownBy(() -> ObjectQuery.parse(params("limit", "1", "limit", "2"), null)).hasMessageContaining("once");
        assertThat(ObjectQuery.parse(params("limit", "5000"), null).limit()).isEqualTo(Taxii.MAX_LIMIT);
        ObjectQuery reports = ObjectQuery.parse(params("match[type]", "report"), null);
        String token = new PageToken(Map.of(0, 5L), 3, reports.key()).encode();
        assertThat(PageToken.decode(token, reports.key()).served()).isEqualTo(3);
        assertThatThrownBy(() -> PageToken.decode(token, ObjectQuery.parse(params(), null).key()))
                .hasMessageContaining("another query");
        for (String bad : List.of("!!", "bm90LWEtdG9rZW4", java.util.Base64.getUrlEncoder().encodeToString("1;0:-1;0;x".getBytes()))) {
            assertThatThrownBy(() -> PageToken.decode(bad, reports.key())).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> reports.page(List.of(), 4, Map.of())).isInstanceOf(ObjectQuery.PageBeyondEnd.class);
    }
}
