/**
 * A client for the Confluent Schema Registry REST API (works against Confluent's server and Corridor's own):
 * HTTP with timeouts and bounded retries, and caches so that a warm client makes no HTTP call per record.
 */
package org.corridor.schemas.registry;
