package org.corridor.consumer.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.stix.StixIds;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MispFeedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theManifestListsEachAlertOnceAndTheHashesAreThoseOfTheValuesHeld() {
        List<Entry<TraffickingAlert>> feed = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            TraffickingAlert a = SampleAlerts.random(i);
            feed.add(new Entry<>(i % 3, i, 1_700_000_000_000L + i * 10L, a.getAlertId().toString(), a));
            expected.add(StixIds.report(a.getOriginAgency().getAgencyId(), a.getAlertId()).substring("report--".length()));
        }
        feed.add(feed.get(7)); // a replayed record: the same version again
        MispFeed misp = MispFeed.of(feed);

        JsonNode manifest = JSON.readTree(misp.manifest().toString());
        assertThat(manifest.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> lines = new HashSet<>();
        int held = 0;
        for (String uuid : expected) {
            JsonNode event = JSON.readTree(misp.event(uuid).toString()).get("Event");
            assertThat(event.get("uuid").asString()).isEqualTo(uuid);
            assertThat(manifest.get(uuid).get("timestamp")).isEqualTo(event.get("timestamp"));
            assertThat(manifest.get(uuid).get("info")).isEqualTo(event.get("info"));
            assertThat(event.get("Tag").get(0).get("name").asString()).startsWith("tlp:");
            for (JsonNode a : event.get("Attribute")) {
                assertThat(a.get("to_ids").asBoolean()).isFalse();
                if (!a.get("deleted").asBoolean()) {
                    held++;
                    lines.add(MispEvents.md5(a.get("value").asString()) + "," + uuid);
                }
            }
        }
        List<String> csv = misp.hashes().lines().toList();
        assertThat(csv).hasSize(held);
        assertThat(new HashSet<>(csv)).isEqualTo(lines);
        assertThat(misp.event("00000000-0000-0000-0000-000000000000")).isNull();
    }

    @Test
    void aCorrectionDeletesWhatItChangedAndARetractionDeletesEverything() {
        TraffickingAlert v1 = SampleAlerts.heroinSeizure().build();
        TraffickingAlert v2 = SampleAlerts.heroinSeizure().setVersion(2).setLifecycle(Lifecycle.UPDATE)
                .setSubstances(new ArrayList<>(List.of(new Substance("heroin", SubstanceCategory.OPIATE, null,
                        new Quantity(new BigDecimal("415.000"), QuantityUnit.KG), 62.0)))).build();
        TraffickingAlert v3 = SampleAlerts.heroinSeizure().setVersion(3).setLifecycle(Lifecycle.RETRACTION)
                .setRetractionReason("reported twice").build();
        // v2 reaches the feed in the same second as v1, and before it in the log: versions still order by number.
        List<Entry<TraffickingAlert>> feed = List.of(new Entry<>(0, 5, 1_700_000_000_400L, "k", v2),
                new Entry<>(0, 4, 1_700_000_000_100L, "k", v1));
        String uuid = MispEvents.uuid(v1);

        JsonNode corrected = MispFeed.of(feed).event(uuid).get("Event");
        assertThat(corrected.get("timestamp").asString()).isEqualTo("1700000001");
        assertThat(corrected.get("analysis").asString()).isEqualTo("2");
        assertThat(live(corrected)).contains("415", "heroin").doesNotContain("412.5", "acetic anhydride", "1200", "108-24-7");
        assertThat(deleted(corrected)).containsExactlyInAnyOrder("412.5", "acetic anhydride", "1200", "108-24-7");
        assertThat(tags(corrected)).contains("tlp:amber", "corridor:handling-code=\"H1\"", "corridor:lifecycle=\"UPDATE\"");

        List<Entry<TraffickingAlert>> retracted = new ArrayList<>(feed);
        retracted.add(new Entry<>(0, 9, 1_700_000_100_000L, "k", v3));
        JsonNode gone = MispFeed.of(retracted).event(uuid).get("Event");
        assertThat(live(gone)).containsExactly("retracted: reported twice");
        assertThat(deleted(gone)).contains("415", "412.5", "heroin", "TJ");
        assertThat(gone.get("timestamp").asString()).isEqualTo("1700000100");
        assertThat(MispFeed.of(retracted).hashes().lines().toList())
                .containsExactly(MispEvents.md5("retracted: reported twice") + "," + uuid);
    }

    @Test
    void anUnchangedFactKeepsItsUuidAndTheTimeItFirstAppeared() {
        TraffickingAlert v1 = SampleAlerts.heroinSeizure().build();
        TraffickingAlert v2 = SampleAlerts.heroinSeizure().setVersion(2).setLifecycle(Lifecycle.UPDATE)
                .setConcealmentMethod("spare tyre").build();
        JsonNode e = MispFeed.of(List.of(new Entry<>(0, 1, 1_000_000L, "k", v1), new Entry<>(1, 1, 2_000_000L, "k", v2)))
                .event(MispEvents.uuid(v1)).get("Event");
        JsonNode summaryOfV1 = MispFeed.of(List.of(new Entry<>(0, 1, 1_000_000L, "k", v1))).event(MispEvents.uuid(v1))
                .get("Event").get("Attribute").get(0);
        JsonNode reference = e.get("Attribute").get(0);
        assertThat(reference.get("uuid")).isEqualTo(summaryOfV1.get("uuid"));
        assertThat(reference.get("timestamp").asString()).isEqualTo("1000");
        assertThat(live(e)).contains("spare tyre").doesNotContain("false floor of a cotton truck");
    }

    private static List<String> live(JsonNode event) {
        return values(event, false);
    }

    private static List<String> deleted(JsonNode event) {
        return values(event, true);
    }

    private static List<String> values(JsonNode event, boolean deleted) {
        List<String> out = new ArrayList<>();
        event.get("Attribute").forEach(a -> {
            if (a.get("deleted").asBoolean() == deleted) {
                out.add(a.get("value").asString());
            }
        });
        return out;
    }

    private static List<String> tags(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.get("Tag").forEach(t -> out.add(t.get("name").asString()));
        return out;
    }
}
