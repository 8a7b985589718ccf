package org.corridor.schemas.registry;

import org.apache.avro.Schema;

/**
 * What the serdes need from a schema registry. Implementations are thread-safe.
 * Failures: {@link SchemaRegistryUnavailableException} (retriable: the registry could not be reached or answered
 * 5xx after the retries) or {@link SchemaRegistryClientException} (fatal: the registry refused the request).
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it registered) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; 40401/40403 when it is not. */
    int lookupId(String subject, Schema schema);

    /** The schema with that global id; 40403 when there is none. */
    Schema schemaById(int id);

    /** The newest version registered under the subject; 40401 when the subject does not exist. */
    RegisteredSchema latest(String subject);
}
