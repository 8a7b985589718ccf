package org.corridor.monitor.cluster;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;

/**
 * Per-body counts of delivery receipts (delivered, failed attempts, parked, acknowledged, escalated) and the time of
 * the last delivery, from {@code alerts.receipts}. Receipts carry ids and outcomes, never alert contents. Thread-safe.
 */
public final class DeliveryTally {

    /** A body's receipts so far. */
    public record BodyReceipts(Map<DeliveryStatus, Long> counts, Instant lastDelivered) {

        public long count(DeliveryStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    private final Map<String, Map<DeliveryStatus, Long>> counts = new HashMap<>();
    private final Map<String, Instant> lastDelivered = new HashMap<>();

    public synchronized void add(DeliveryReceipt receipt) {
        counts.computeIfAbsent(receipt.getBody(), b -> new EnumMap<>(DeliveryStatus.class))
                .merge(receipt.getStatus(), 1L, Long::sum);
        if (receipt.getStatus() == DeliveryStatus.DELIVERED) {
            lastDelivered.merge(receipt.getBody(), receipt.getAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public synchronized BodyReceipts of(String body) {
        return new BodyReceipts(Map.copyOf(counts.getOrDefault(body, Map.of())), lastDelivered.get(body));
    }
}
