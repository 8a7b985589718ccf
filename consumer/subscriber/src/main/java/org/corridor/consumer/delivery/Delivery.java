package org.corridor.consumer.delivery;

import org.corridor.schemas.avro.TraffickingAlert;

/**
 * One alert version to deliver to a body.
 *
 * @param body           body id
 * @param alert          the alert
 * @param idempotencyKey {@code <alertId>:<version>}, the same on every redelivery, for the receiver to de-duplicate
 * @param traceId        trace id from the feed record
 */
public record Delivery(String body, TraffickingAlert alert, String idempotencyKey, String traceId) {
}
