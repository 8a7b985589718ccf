package org.corridor.monitor.cluster;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.avro.InboxReceipt;

/**
 * Per party ({@code body-<slug>}, {@code agency-<id>}) counts of inbox receipts (delivered, failed attempts, refused)
 * and the time of the last delivery, from {@code alerts.inbox-receipts}: ids and outcomes, never a response's text.
 * Thread-safe.
 */
public final class InboxTally {

    /** A party's inbox receipts so far. */
    public record PartyReceipts(Map<InboxDeliveryStatus, Long> counts, Instant lastDelivered) {

        public long count(InboxDeliveryStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    private final Map<String, Map<InboxDeliveryStatus, Long>> counts = new HashMap<>();
    private final Map<String, Instant> lastDelivered = new HashMap<>();

    public synchronized void add(InboxReceipt receipt) {
        counts.computeIfAbsent(receipt.getParty(), p -> new EnumMap<>(InboxDeliveryStatus.class))
                .merge(receipt.getStatus(), 1L, Long::sum);
        if (receipt.getStatus() == InboxDeliveryStatus.DELIVERED) {
            lastDelivered.merge(receipt.getParty(), receipt.getAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public synchronized Set<String> parties() {
        return new TreeSet<>(counts.keySet());
    }

    public synchronized PartyReceipts of(String party) {
        return new PartyReceipts(Map.copyOf(counts.getOrDefault(party, Map.of())), lastDelivered.get(party));
    }
}
