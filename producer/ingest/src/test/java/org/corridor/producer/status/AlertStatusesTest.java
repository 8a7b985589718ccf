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
        return decision("kz-customs", id, 1, recipients);
    }

    private static RoutingDecision decision(String agency, UUID id, int version, String... recipients) {
        return new RoutingDecision(id, version, agency, List.of(recipients), List.of(), List.of(), AT, "router-1", null, null, null);
    }

    private static DeliveryReceipt delivered(UUID id, String body) {
        return receipt("kz-customs", id, 1, body, DeliveryStatus.DELIVERED);
    }

    private static DeliveryReceipt receipt(String agency, UUID id, int version, String body, DeliveryStatus status) {
        return new DeliveryReceipt(body, id, version, status, AT.plusSeconds(1), 1, "priority=ROUTINE", agency);
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

    /** An alert id is its agency's: two agencies' alerts with one id are two statuses, whatever order things come in. */
    @Test
    void twoAgenciesAlertsWithTheSameIdNeverMix() {
        AlertStatuses statuses = new AlertStatuses(10);
        UUID id = UUID.randomUUID();
        statuses.apply(receipt("tj-drug-control", id, 3, "OSCE", DeliveryStatus.ACKNOWLEDGED));
        statuses.apply(decision("kz-customs", id, 1, "UNODC"));
        statuses.apply(decision("tj-drug-control", id, 3, "OSCE"));
        statuses.apply(receipt("kz-customs", id, 1, "UNODC", DeliveryStatus.DELIVERED));
        statuses.apply(receipt("tj-drug-control", id, 3, "UNODC", DeliveryStatus.PARKED));

        String kz = statuses.status("kz-customs", id.toString()).orElseThrow().toString();
        String tj = statuses.status("tj-drug-control", id.toString()).orElseThrow().toString();
        assertThat(kz).contains("\"originAgency\":\"kz-customs\"", "\"latestVersion\":1", "\"UNODC\":{\"state\":\"DELIVERED\"")
                .doesNotContain("OSCE", "PARKED", "ACKNOWLEDGED");
        assertThat(tj).contains("\"originAgency\":\"tj-drug-control\"", "\"latestVersion\":3", "\"OSCE\":{\"state\":\"ACKNOWLEDGED\"",
                "\"UNODC\":{\"state\":\"PARKED\"").doesNotContain("DELIVERED");
        assertThat(statuses.status("be-customs", id.toString())).isEmpty();
    }

    /** Receipts written before they named the agency: they apply to the first agency's alert with that id, as before. */
    @Test
    void aReceiptWithoutAgencyAppliesToTheFirstAgencysAlertWithThatId() {
        AlertStatuses statuses = new AlertStatuses(10);
        UUID id = UUID.randomUUID();
        statuses.apply(receipt(null, id, 1, "UNODC", DeliveryStatus.DELIVERED));
        statuses.apply(decision("kz-customs", id, 1, "UNODC"));
        statuses.apply(decision("tj-drug-control", id, 1, "UNODC"));
        statuses.apply(receipt(null, id, 1, "UNODC", DeliveryStatus.ACKNOWLEDGED));
        assertThat(statuses.status("kz-customs", id.toString()).orElseThrow().toString()).contains("ACKNOWLEDGED");
        assertThat(statuses.status("tj-drug-control", id.toString()).orElseThrow().toString()).contains("\"state\":\"ROUTED\"");
    }
}
