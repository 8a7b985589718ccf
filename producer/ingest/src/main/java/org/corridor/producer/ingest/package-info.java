/**
 * Agency adapters that publish alerts to Kafka: the Java publisher library ({@code publish}), the REST ingest
 * ({@code rest}) and bulk import ({@code bulk}). Never imports {@code org.corridor.consumer}.
 */
package org.corridor.producer;
