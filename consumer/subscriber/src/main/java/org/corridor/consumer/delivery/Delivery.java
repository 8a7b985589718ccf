package org.corridor.consumer.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * One alert version to deliver to a body, with the feed (or parked) record it was read from.
 *
 * @param body           body id
 * @param alert          the alert
 * @param idempotencyKey {@code <alertId>:<version>}, the same on every redelivery, for the receiver to de-duplicate
 * @param traceId        trace id from the feed record; null when it carried none
 * @param source         the record itself: parking keeps its key, bytes and headers
 */
public record Delivery(String body, TraffickingAlert alert, String idempotencyKey, String traceId,
                       ConsumerRecord<String, byte[]> source) {
}
