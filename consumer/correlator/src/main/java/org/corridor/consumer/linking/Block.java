package org.corridor.consumer.linking;

import org.corridor.consumer.correlation.Report;

/** What a blocking key holds. */
final class Block {

    /** A report under a key and when it was filed (its record's timestamp). */
    record Member(Report report, long at) {
    }

    private Block() {
    }
}
