package org.corridor.producer.publish;

import java.util.Optional;
import java.util.UUID;

import org.corridor.schemas.avro.TraffickingAlert;

/** The latest published version of an agency's alerts, so corrections and retractions get the next version. */
public interface AlertHistory extends AutoCloseable {

    /** The latest version the agency published of that alert, if any. */
    Optional<TraffickingAlert> latest(String agencyId, UUID alertId);

    /**
     * The latest version as the log holds it now, for numbering the next one: not only what this process remembers.
     * Implementations that have no log answer as {@link #latest}.
     */
    default Optional<TraffickingAlert> latestFromLog(String agencyId, UUID alertId) {
        return latest(agencyId, alertId);
    }

    /**
     * Whether the version written at that offset of its partition is the first record of its version or above for
     * the alert in the log, so the router routes it. Implementations that have no log answer true.
     */
    default boolean firstOfItsVersion(TraffickingAlert alert, long offset) {
        return true;
    }

    /** Records a version that the broker acknowledged. */
    void published(TraffickingAlert alert);

    /** Releases what the history holds (followers, consumers). */
    @Override
    default void close() {
    }
}
