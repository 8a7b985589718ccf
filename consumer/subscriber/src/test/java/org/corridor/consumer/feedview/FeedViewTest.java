package org.corridor.consumer.feedview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.PartyTopicReader.Entry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class FeedViewTest {

    private static Entry<TraffickingAlert> at(long time, TraffickingAlert a) {
        return new Entry<>(0, time, time, a.getAlertId().toString(), a);
    }

    @Test
    void eachAlertOnceAtItsLatestVersionNewestFirst() {
        List<Entry<TraffickingAlert>> feed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            feed.add(at(1_000 + i, SampleAlerts.random(i)));
        }
        TraffickingAlert v1 = SampleAlerts.heroinSeizure().build();
        TraffickingAlert v2 = SampleAlerts.heroinSeizure().setVersion(2).setLifecycle(Lifecycle.UPDATE).setSummary("corrected").build();
        feed.add(at(2_000, v1));
        feed.add(at(2_001, v2));
        feed.add(at(2_002, v1)); // a replay delivers version 1 again: it counts once and does not win
        ArrayNode all = FeedView.latest(feed, 1000);
        assertThat(all).hasSize(301);
        JsonNode first = all.get(0);
        assertThat(first.get("alertId").asString()).isEqualTo(v1.getAlertId().toString());
        assertThat(first.get("version").asInt()).isEqualTo(2);
        assertThat(first.get("summary").asString()).isEqualTo("corrected");
        assertThat(first.get("versions").asInt()).isEqualTo(2);
        assertThat(first.get("receivedAt").asString()).isEqualTo("1970-01-01T00:00:02.001Z");
        assertThat(all.get(1).get("receivedAt").asString()).isEqualTo("1970-01-01T00:00:01.299Z");
        assertThat(FeedView.latest(feed, 5)).hasSize(5);
        assertThat(first.get("acknowledgedVersion").asInt()).isZero();
        JsonNode acked = FeedView.latest(feed, 1, (agency, id) -> id.equals(v1.getAlertId()) ? 2 : 0).get(0);
        assertThat(acked.get("acknowledgedVersion").asInt()).isEqualTo(2);
    }

    @Test
    void twoAgenciesAlertsWithOneIdAreTwoAlerts() {
        TraffickingAlert tj = SampleAlerts.heroinSeizure().build();
        TraffickingAlert kz = SampleAlerts.heroinSeizure()
                .setOriginAgency(new Agency("kz-customs", "KZ", "State Revenue Committee (Customs) of Kazakhstan")).build();
        assertThat(kz.getAlertId()).isEqualTo(tj.getAlertId());
        ArrayNode all = FeedView.latest(List.of(at(1, tj), at(2, kz)), 10);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("originAgency").get("agencyId").asString()).isEqualTo("kz-customs");
        assertThat(FeedView.page(all, 3).get("undecodable").asInt()).isEqualTo(3);
        assertThat(FeedView.page(all, 0).has("undecodable")).isFalse();
    }
}
