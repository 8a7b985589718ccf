package org.corridor.consumer.correlation;

import java.util.List;

/**
 * Two reports found to concern the same shipment or event.
 *
 * @param kind  {@code EXACT} when an identifier is shared, {@code EVENT} when the facts agree
 * @param score 1.0 for an exact match; for an event match the weighted agreement of quantity, route and date
 * @param keys  what matched, in order: shared identifiers ({@code container:MSCU1234566}), or the substance,
 *              quantity, countries and date evidence ({@code substance:cas:108-24-7}, {@code quantity:3%},
 *              {@code countries:AF,TJ}, {@code days:2})
 */
public record Link(Kind kind, double score, List<String> keys) {

    public enum Kind { EXACT, EVENT }

    public Link {
        keys = List.copyOf(keys);
    }
}
