/**
 * Agency adapters that publish alerts to Kafka: the Java publisher library, the REST ingest and bulk import.
 * Never imports {@code org.corridor.consumer}.
 */
package org.corridor.producer;
