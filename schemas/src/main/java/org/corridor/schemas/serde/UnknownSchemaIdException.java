package org.corridor.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record names a schema id the registry does not know. Fatal for that record. */
public class UnknownSchemaIdException extends SerializationException {

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId, Throwable cause) {
        super("schema id " + schemaId + " is not known to the schema registry", cause);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
