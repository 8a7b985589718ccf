package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.corridor.consumer.delivery.DeliveredAlerts.Check;
import org.junit.jupiter.api.Test;

/** A body may acknowledge what it was delivered, and nothing else: another body's, another version, another agency's. */
class DeliveredAlertsTest {

    private final DeliveredAlerts delivered = new DeliveredAlerts(3);
    private final UUID id = UUID.randomUUID();

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
    void eachBodyHoldsItsLatestDeliveriesUpToTheCapacity() {
        UUID[] ids = IntStream.range(0, 5).mapToObj(i -> new UUID(0, i)).toArray(UUID[]::new);
        for (int i = 0; i < 4; i++) {
            delivered.delivered("UNODC", "kz-customs", ids[i], 1);
        }
        delivered.delivered("OSCE", "kz-customs", ids[4], 1);
        // A new version of the second alert makes it the latest delivered again.
        delivered.delivered("UNODC", "kz-customs", ids[1], 2);
        delivered.delivered("UNODC", "kz-customs", ids[4], 1);

        assertThat(delivered.size("UNODC")).isEqualTo(3);
        assertThat(delivered.check("UNODC", ids[0], null, 1)).isEqualTo(new Check.NeverDelivered());
        assertThat(delivered.check("UNODC", ids[2], null, 1)).isEqualTo(new Check.NeverDelivered());
        assertThat(delivered.check("UNODC", ids[1], null, 1)).isEqualTo(new Check.Delivered("kz-customs", 1));
        assertThat(delivered.check("UNODC", ids[3], null, 1)).isEqualTo(new Check.Delivered("kz-customs", 1));
        assertThat(delivered.check("OSCE", ids[4], null, 1)).as("another body's deliveries count apart")
                .isEqualTo(new Check.Delivered("kz-customs", 1));
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
