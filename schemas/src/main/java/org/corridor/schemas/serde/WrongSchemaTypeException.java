package org.corridor.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The record's schema id is a registered schema, but of another record type than the topic carries (such as a
 * {@code RoutingDecision} on an inbound topic). Fatal for that record.
 */
public class WrongSchemaTypeException extends SerializationException {

    public WrongSchemaTypeException(int schemaId, String writerType, String expectedType) {
        super("schema id " + schemaId + " is a " + writerType + " schema; this topic carries only " + expectedType);
    }
}
