package org.corridor.schemas.stix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** STIX timestamps: UTC, millisecond precision ({@code 2026-11-20T14:03:00.000Z}), as created and modified need. */
public final class StixTime {

    /** The created and modified time of objects that are not versioned (identities, countries, definitions). */
    static final String FIXED = "2024-01-01T00:00:00.000Z";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StixTime() {
    }

    public static String of(Instant t) {
        return MILLIS.format(t);
    }

    static String of(LocalDate day) {
        return of(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
