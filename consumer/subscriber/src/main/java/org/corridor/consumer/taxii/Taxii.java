package org.corridor.consumer.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** TAXII 2.1 constants: media types, timestamps, limits. */
final class Taxii {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Taxii() {
    }

    static String time(Instant t) {
        return MILLIS.format(t);
    }
}
