package org.corridor.consumer.linking;

import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.Report;

/** What a blocking key holds. */
final class Block {

    /** A report under a key and when it was filed (its record's timestamp). */
    record Member(Report report, long at) {
    }

    /**
     * A key's entry for one report: when it was filed and, under an event key, the report's footprint there, so the
     * reports a version cannot be linked with by that key are passed over without being read. No footprint: an
     * identifier's key (every report under it is compared), or an entry a correlator before footprints filed.
     */
    record Filing(long at, Footprint footprint) {
    }

    private Block() {
    }
}
