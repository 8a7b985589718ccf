package org.corridor.schemas.stix;

import java.time.Instant;
import java.util.Objects;

/**
 * When a STIX object was first created and when this version of it was made. Every version of one object carries
 * the same {@code created}; {@code modified} is never before it.
 */
public record Versioning(Instant created, Instant modified) {

    public Versioning {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        if (modified.isBefore(created)) {
            modified = created;
        }
    }

    /**
     * Version {@code version} of an object first made at {@code created}, this version made at {@code at}: its
     * {@code modified} is at least {@code version - 1} milliseconds after {@code created}, so later versions always
     * sort after earlier ones even when the times a party gave do not.
     */
    public static Versioning ofVersion(Instant created, Instant at, int version) {
        Instant floor = created.plusMillis(Math.max(0, version - 1));
        return new Versioning(created, at.isBefore(floor) ? floor : at);
    }

    /** A first version: created when it was made. */
    public static Versioning first(Instant at) {
        return new Versioning(at, at);
    }
}
