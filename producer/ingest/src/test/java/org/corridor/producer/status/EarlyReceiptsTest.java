package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.junit.jupiter.api.Test;

class EarlyReceiptsTest {

    private static DeliveryReceipt receipt(String agency, DeliveryStatus status, String detail) {
        return new DeliveryReceipt("UNODC", UUID.randomUUID(), 2, status, Instant.parse("2026-11-28T10:00:00Z"), 3,
                detail, agency);
    }

    @Test
    void receiptsAndWhereTheyWereReadComeBackInOrder() {
        List<EarlyReceipts.Early> early = List.of(
                new EarlyReceipts.Early("alerts.receipts/2", 17, receipt("kz-customs", DeliveryStatus.PARKED, "HTTP 503")),
                new EarlyReceipts.Early("alerts.receipts/2", 18, receipt(null, DeliveryStatus.DELIVERED, null)));
        assertThat(EarlyReceipts.decode(EarlyReceipts.encode(early))).isEqualTo(early);
        assertThat(EarlyReceipts.decode(EarlyReceipts.encode(List.of()))).isEmpty();
    }

    @Test
    void bytesThatAreNotEarlyReceiptsAreRefused() {
        byte[] one = EarlyReceipts.encode(List.of(new EarlyReceipts.Early("alerts.receipts/0", 1,
                receipt("kz-customs", DeliveryStatus.FAILED, null))));
        byte[] cut = java.util.Arrays.copyOf(one, one.length - 3);
        assertThatThrownBy(() -> EarlyReceipts.decode(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not stored early receipts");
        assertThatThrownBy(() -> EarlyReceipts.decode(new byte[] {0x7f, 0, 0, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not stored early receipts");
    }
}
