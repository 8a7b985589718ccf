package org.corridor.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry answered a request with an error (4xx). Fatal: repeating the same request gets the same answer.
 * Carries the HTTP status and Confluent's error code, such as 40403 (schema not found) or 409 (incompatible).
 */
public class SchemaRegistryClientException extends SerializationException {

    /** Confluent error code: subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent error code: schema not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    public SchemaRegistryClientException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
