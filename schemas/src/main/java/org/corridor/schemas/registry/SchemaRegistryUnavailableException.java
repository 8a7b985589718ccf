package org.corridor.schemas.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The registry could not be reached, timed out or answered 5xx after the client's bounded retries. Retriable:
 * the same request may succeed later.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
