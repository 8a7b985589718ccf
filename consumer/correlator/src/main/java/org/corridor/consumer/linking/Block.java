package org.corridor.consumer.linking;

import java.util.Map;
import java.util.TreeMap;

import org.corridor.consumer.correlation.Report;

/**
 * The reports filed under one blocking key, each with when it was filed; or, once more reports than allowed shared it,
 * none: the key is suppressed as too common ({@code since} then), until the retention has passed.
 */
record Block(Map<String, Member> members, boolean suppressed, long since) {

    /** A report under the key and when it was filed (its record's timestamp). */
    record Member(Report report, long at) {
    }

    static final Block EMPTY = new Block(Map.of(), false, 0);

    /** What is left once everything filed, or suppressed, before {@code expired} is dropped. */
    Block expire(long expired) {
        if (suppressed) {
            return since < expired ? EMPTY : this;
        }
        Map<String, Member> kept = new TreeMap<>(members);
        kept.values().removeIf(m -> m.at() < expired);
        return new Block(kept, false, since);
    }

    Block {
        members = new TreeMap<>(members);
    }
}
