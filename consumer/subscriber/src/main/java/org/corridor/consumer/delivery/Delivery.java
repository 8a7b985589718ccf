package org.corridor.consumer.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * One alert version to deliver to a body, with the feed (or parked) record it was read from.
 *
 * @param body           body id
 * @param alert          the alert
 * @param idempotencyKey {@code <originAgency>:<alertId>:<version>} ({@link #idempotencyKey(TraffickingAlert)}), the
 *                       same on every redelivery, for the receiver to de-duplicate
 * @param traceId        trace id from the feed record; null when it carried none
 * @param source         the record itself: parking keeps its key, bytes and headers
 */
public record Delivery(String body, TraffickingAlert alert, String idempotencyKey, String traceId,
                       ConsumerRecord<String, byte[]> source) {

    /**
     * {@code <originAgency>:<alertId>:<version>}: an alert id is its agency's, so another agency's alert with the same
     * id and version has another key. Agency ids are lower-case letters, digits and {@code -}, so the first {@code :}
     * ends the agency.
     */
    public static String idempotencyKey(TraffickingAlert alert) {
        return alert.getOriginAgency().getAgencyId() + ":" + alert.getAlertId() + ":" + alert.getVersion();
    }

    /**
     * The key of the same alert version as written before keys carried the agency, {@code <alertId>:<version>}: what
     * the lines of a file written then hold.
     */
    static String legacyKey(TraffickingAlert alert) {
        return alert.getAlertId() + ":" + alert.getVersion();
    }
}
