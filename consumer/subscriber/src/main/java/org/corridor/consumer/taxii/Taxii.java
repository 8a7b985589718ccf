package org.corridor.consumer.taxii;

import java.time.Instant;

import org.corridor.schemas.stix.StixTime;
import org.corridor.support.http.taxii.TaxiiMedia;

/** TAXII 2.1 constants: media types, timestamps, limits. */
final class Taxii {

    static final String MEDIA_TYPE = TaxiiMedia.TAXII;
    static final String STIX_MEDIA_TYPE = TaxiiMedia.STIX;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Taxii() {
    }

    /** A TAXII timestamp: STIX's form, UTC with milliseconds. */
    static String time(Instant t) {
        return StixTime.of(t);
    }
}
