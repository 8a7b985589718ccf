package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.corridor.consumer.delivery.DeliveredAlerts.Check;
import org.corridor.support.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body may acknowledge what it was delivered, and nothing else: another body's, another version, another agency's. */
class DeliveredAlertsTest {

    private final StateStore store = StateStore.temporary("delivered-alerts-test");
    private final DeliveredAlerts delivered = new DeliveredAlerts(store);
    private final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyADeliveredVersionOfAnAlertDeliveredToThatBodyIsAcknowledged() {
        assertThat(delivered.check("UNODC", id, null, null)).isEqualTo(new Check.NeverDelivered());
        delivered.delivered("UNODC", "kz-customs", id, 1);
        delivered.delivered("UNODC", "kz-customs", id, 3);

        assertThat(delivered.check("UNODC", id, null, 1)).isEqualTo(new Check.Delivered("kz-customs", 1));
        assertThat(delivered.check("UNODC", id, null, null)).as("by default the latest delivered")
                .isEqualTo(new Check.Delivered("kz-customs", 3));
        assertThat(delivered.check("UNODC", id, null, 2)).isEqualTo(new Check.VersionNotDelivered(2, List.of(1, 3)));
        assertThat(delivered.check("OSCE", id, null, 1)).as("another body").isEqualTo(new Check.NeverDelivered());
        assertThat(delivered.check("UNODC", id, "tj-drug-control", 1)).as("another agency's alert")
                .isEqualTo(new Check.NeverDelivered());
        assertThat(delivered.check("UNODC", id, "kz-customs", 3)).isEqualTo(new Check.Delivered("kz-customs", 3));
    }

    @Test
    void theHighestAcknowledgedVersionIsKeptPerBodyAndAgency() {
        java.util.UUID id = java.util.UUID.randomUUID();
        assertThat(delivered.acknowledged("CARICC", "kz-customs", id)).isZero();
        delivered.acknowledged("CARICC", "kz-customs", id, 2);
        delivered.acknowledged("CARICC", "kz-customs", id, 1); // read again out of order: no step back
        assertThat(delivered.acknowledged("CARICC", "kz-customs", id)).isEqualTo(2);
        assertThat(delivered.acknowledged("UNODC", "kz-customs", id)).isZero();
        assertThat(delivered.acknowledged("CARICC", "tj-drug-control", id)).isZero();
    }

    @Test
    void twoAgenciesAlertsWithTheSameIdAreNeverTakenForOneAnother() {
        delivered.delivered("UNODC", "kz-customs", id, 1);
        delivered.delivered("UNODC", "tj-drug-control", id, 2);

        assertThat(delivered.check("UNODC", id, null, null))
                .isEqualTo(new Check.AgencyAmbiguous(List.of("kz-customs", "tj-drug-control")));
        assertThat(delivered.check("UNODC", id, "kz-customs", null)).isEqualTo(new Check.Delivered("kz-customs", 1));
        assertThat(delivered.check("UNODC", id, "kz-customs", 2)).as("version 2 is the other agency's")
                .isEqualTo(new Check.VersionNotDelivered(2, List.of(1)));
        assertThat(delivered.check("UNODC", id, "tj-drug-control", null)).isEqualTo(new Check.Delivered("tj-drug-control", 2));
    }

    /** Receipts written before they carried the agency: their versions count for any agency's alert with the id. */
    @Test
    void aDeliveryReadFromAReceiptWithoutAgencyCountsWithoutNamingOne() {
        delivered.delivered("UNODC", null, id, 1);
        assertThat(delivered.check("UNODC", id, null, 1)).isEqualTo(new Check.Delivered(null, 1));
        assertThat(delivered.check("UNODC", id, "kz-customs", 1)).as("never the agency the body named")
                .isEqualTo(new Check.Delivered(null, 1));
        delivered.delivered("UNODC", "kz-customs", id, 2);
        assertThat(delivered.check("UNODC", id, null, 1)).isEqualTo(new Check.Delivered("kz-customs", 1));
        assertThat(delivered.check("UNODC", id, null, null)).isEqualTo(new Check.Delivered("kz-customs", 2));
    }

    @Test
    void deliveriesAreKeptInTheStoreNotTheHeapAndEachBodyApart(@TempDir Path dir) {
        UUID[] ids = IntStream.range(0, 5).mapToObj(i -> new UUID(0, i)).toArray(UUID[]::new);
        try (StateStore onDisk = StateStore.open(dir, "delivered")) {
            DeliveredAlerts first = new DeliveredAlerts(onDisk);
            for (UUID each : ids) {
                first.delivered("UNODC", "kz-customs", each, 1);
            }
            first.delivered("UNODC", null, ids[1], 2);
            first.delivered("OSCE", "kz-customs", ids[4], 3);
        }
        try (StateStore reopened = StateStore.open(dir, "delivered")) {
            DeliveredAlerts again = new DeliveredAlerts(reopened);
            assertThat(again.check("UNODC", ids[0], null, 1)).isEqualTo(new Check.Delivered("kz-customs", 1));
            assertThat(again.check("UNODC", ids[1], null, null)).isEqualTo(new Check.Delivered("kz-customs", 2));
            assertThat(again.check("OSCE", ids[4], null, null)).isEqualTo(new Check.Delivered("kz-customs", 3));
            assertThat(again.check("OSCE", ids[0], null, 1)).as("another body's deliveries count apart")
                    .isEqualTo(new Check.NeverDelivered());
        }
    }

    @Test
    void theEncodingKeepsAgenciesAndVersions() {
        List<DeliveredAlerts.Held> held = List.of(new DeliveredAlerts.Held("kz-customs", new int[] {1, 3}),
                new DeliveredAlerts.Held(null, new int[] {2}));
        assertThat(new String(DeliveredAlerts.encode(held), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("kz-customs:1,3;:2");
        List<DeliveredAlerts.Held> back = DeliveredAlerts.decode(DeliveredAlerts.encode(held));
        assertThat(back).hasSize(2);
        assertThat(back.get(0).agency()).isEqualTo("kz-customs");
        assertThat(back.get(0).versions()).containsExactly(1, 3);
        assertThat(back.get(1).agency()).isNull();
        assertThat(back.get(1).versions()).containsExactly(2);
        assertThat(DeliveredAlerts.decode(null)).isEmpty();
    }

    @Test
    void anAlertHoldsItsLatestVersionsOnly() {
        for (int v = DeliveredAlerts.MAX_VERSIONS + 1; v >= 1; v--) {
            delivered.delivered("UNODC", "kz-customs", id, v);
        }
        delivered.delivered("UNODC", "kz-customs", id, 5);
        assertThat(delivered.check("UNODC", id, null, 1)).isInstanceOfSatisfying(Check.VersionNotDelivered.class,
                c -> assertThat(c.delivered()).hasSize(DeliveredAlerts.MAX_VERSIONS).startsWith(2)
                        .endsWith(DeliveredAlerts.MAX_VERSIONS + 1));
        assertThat(delivered.check("UNODC", id, null, 2)).isEqualTo(new Check.Delivered("kz-customs", 2));
    }
}
