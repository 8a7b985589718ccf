package org.corridor.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.junit.jupiter.api.Test;

/** Every Corridor topic has a descriptor, and retention is a decision in each, never Kafka's seven-day default. */
class TopicsTest {

    private static List<String> all() {
        List<String> names = new ArrayList<>(List.of(Topics.inbound("kz-customs"), Topics.feed("PARIS_PACT"),
                Topics.parked("PARIS_PACT"), Topics.AUDIT, Topics.RECEIPTS, Topics.DEAD_LETTERS, Topics.RECIPIENTS,
                Topics.SCHEMAS, Topics.bodyLinks("PARIS_PACT"), Topics.agencyLinks("kz-customs")));
        return names;
    }

    @Test
    void everyTopicDecidesItsRetentionOrIsCompacted() {
        for (String name : all()) {
            TopicSpec spec = Topics.spec(name);
            assertThat(spec.configs().containsKey("retention.ms") || "compact".equals(spec.configs().get("cleanup.policy")))
                    .as("%s: %s", name, spec.configs()).isTrue();
        }
    }

    @Test
    void historyAuditDeadLettersAndParkedRecordsAreKeptFeedsAndReceiptsForTheReplayWindow() {
        assertThat(Topics.spec(Topics.inbound("kz-customs")).configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.spec(Topics.AUDIT).configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.spec(Topics.DEAD_LETTERS).configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.spec(Topics.parked("UNODC")).configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.spec(Topics.feed("UNODC")).configs())
                .containsEntry("retention.ms", Long.toString(Topics.FEED_RETENTION.toMillis()));
        assertThat(Topics.spec(Topics.RECEIPTS).configs())
                .containsEntry("retention.ms", Long.toString(Topics.RECEIPTS_RETENTION.toMillis()));
    }

    @Test
    void recordsDownstreamOfTheInboundTopicsMayCarryCorridorsHeaders() {
        // The routed versions carry a whole inbound alert and its decision: an alert at the inbound limit must fit.
        for (String name : List.of(Topics.feed("UNODC"), Topics.parked("UNODC"), Topics.DEAD_LETTERS, Topics.ROUTED_VERSIONS)) {
            assertThat(Topics.spec(name).configs()).as(name)
                    .containsEntry("max.message.bytes", Integer.toString(Topics.DOWNSTREAM_MAX_BYTES));
        }
    }

    @Test
    void valueTypesAndReadersAreNamed() {
        assertThat(Topics.spec(Topics.inbound("kz-customs")).valueType()).isEqualTo(TraffickingAlert.class);
        assertThat(Topics.spec(Topics.AUDIT).valueType()).isEqualTo(RoutingDecision.class);
        assertThat(Topics.spec(Topics.RECEIPTS).valueType()).isEqualTo(DeliveryReceipt.class);
        assertThat(Topics.spec(Topics.feed("PARIS_PACT")).readers())
                .containsExactly("corridor-subscriber-paris-pact", "corridor-replay-paris-pact");
        assertThat(Topics.spec(Topics.parked("PARIS_PACT")).readers()).containsExactly("corridor-redrive-paris-pact");
        assertThat(Topics.spec(Topics.inbound("kz-customs")).readers()).containsExactly(Groups.ROUTER);
        assertThat(Topics.bodyLinks("PARIS_PACT")).isEqualTo("alerts.links.body-paris-pact");
        assertThat(Topics.spec(Topics.bodyLinks("PARIS_PACT")).valueType()).isEqualTo(org.corridor.schemas.avro.CorrelationHit.class);
        assertThat(Topics.spec(Topics.agencyLinks("kz-customs")).valueType())
                .isEqualTo(org.corridor.schemas.avro.CorrelationNotice.class);
    }

    @Test
    void aNameThatIsNotCorridorsIsRefused() {
        assertThatThrownBy(() -> Topics.spec("alerts.unknown")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alerts.unknown");
    }
}
