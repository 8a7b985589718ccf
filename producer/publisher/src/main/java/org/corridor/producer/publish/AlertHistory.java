package org.corridor.producer.publish;

import java.util.Optional;
import java.util.UUID;

import org.corridor.schemas.avro.TraffickingAlert;

/** The latest published version of an agency's alerts, so corrections and retractions get the next version. */
public interface AlertHistory extends AutoCloseable {

    /** The latest version the agency published of that alert, if any. */
    Optional<TraffickingAlert> latest(String agencyId, UUID alertId);

    /** Records a version that the broker acknowledged. */
    void published(TraffickingAlert alert);

    /** Releases what the history holds (followers, consumers). */
    @Override
    default void close() {
    }
}
