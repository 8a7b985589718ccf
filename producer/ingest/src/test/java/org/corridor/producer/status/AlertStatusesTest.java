package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.RoutingDecision;
import org.junit.jupiter.api.Test;

class AlertStatusesTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    private static RoutingDecision decision(UUID id, String... recipients) {
        return new RoutingDecision(id, 1, "kz-customs", List.of(recipients), List.of(), List.of(), AT, "router-1", null, null, null);
    }

    private static DeliveryReceipt delivered(UUID id, String body) {
        return new DeliveryReceipt(body, id, 1, DeliveryStatus.DELIVERED, AT.plusSeconds(1), 1, "priority=ROUTINE");
    }

    @Test
    void holdsTheLatestAlertsUpToItsCapacityAndForgetsTheOldest() {
        AlertStatuses statuses = new AlertStatuses(3);
        UUID[] ids = new UUID[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new UUID(0, i);
            statuses.apply(decision(ids[i], "UNODC"));
        }
        assertThat(statuses.size()).isEqualTo(3);
        assertThat(statuses.status("kz-customs", ids[0].toString())).isEmpty();
        assertThat(statuses.status("kz-customs", ids[1].toString())).isEmpty();
        assertThat(statuses.status("kz-customs", ids[4].toString())).isPresent();
        // A later version of a held alert does not count again.
        statuses.apply(decision(ids[2], "UNODC", "OSCE"));
        assertThat(statuses.status("kz-customs", ids[2].toString())).isPresent();
        assertThat(statuses.size()).isEqualTo(3);
    }

    @Test
    void aReceiptBeforeItsDecisionIsAppliedWhenTheDecisionComes() {
        AlertStatuses statuses = new AlertStatuses(10);
        UUID id = UUID.randomUUID();
        statuses.apply(delivered(id, "UNODC"));
        assertThat(statuses.status("kz-customs", id.toString())).isEmpty();
        statuses.apply(decision(id, "UNODC"));
        assertThat(statuses.status("kz-customs", id.toString()).orElseThrow().toString()).contains("DELIVERED");
        assertThat(statuses.status("another-agency", id.toString())).as("another agency's alert").isEmpty();
    }

    @Test
    void earlyReceiptsAreBoundedToo() {
        AlertStatuses statuses = new AlertStatuses(2);
        UUID first = UUID.randomUUID();
        statuses.apply(delivered(first, "UNODC"));
        statuses.apply(delivered(UUID.randomUUID(), "UNODC"));
        statuses.apply(delivered(UUID.randomUUID(), "UNODC"));
        statuses.apply(decision(first, "UNODC"));
        assertThat(statuses.status("kz-customs", first.toString()).orElseThrow().toString())
                .as("its early receipt was dropped to keep the bound").doesNotContain("DELIVERED");
    }
}
