package org.corridor.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The bytes are not in the Confluent wire format (too short or a wrong first byte). Fatal for that record. */
public class UnknownMagicByteException extends SerializationException {

    public UnknownMagicByteException(String message) {
        super(message);
    }
}
