package org.corridor.consumer.decision;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * What decoding an inbound record's value gave: an alert, a response, an empty value, or a failure already classified by the
 * decoder (which alone knows the registry and its exceptions).
 */
public sealed interface Decoded {

    /** The value decoded to an alert (not yet validated). */
    record Alert(TraffickingAlert alert) implements Decoded {
    }

    /** The value decoded to a response to an alert (not yet validated). */
    record Response(AlertResponse response) implements Decoded {
    }

    /** The value was empty or null: a tombstone, never an alert. */
    record Empty() implements Decoded {
    }

    /** The value could not be decoded; {@code code} is one of the {@link DeadLetter} codes. */
    record Failed(String code, String reason) implements Decoded {
    }
}
