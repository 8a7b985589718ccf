/**
 * The routing service on Kafka: consumes every {@code alerts.in.*} topic and, in one transaction per alert, writes
 * it to each recipient's feed, writes the decision to {@code alerts.audit}, records the recipients and commits the
 * offset. Bad records become dead letters; transient failures are retried with bounded backoff.
 */
package org.corridor.consumer.router;
