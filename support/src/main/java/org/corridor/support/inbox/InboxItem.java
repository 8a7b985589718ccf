package org.corridor.support.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.topics.Topics;

/**
 * One routed response to deliver from a party's inbox.
 *
 * @param party    whose inbox it was read from
 * @param response the response as the router released it to that party
 * @param source   the inbox record (its position is what is committed once it is delivered)
 */
public record InboxItem(Topics.Party party, AlertResponse response, ConsumerRecord<String, byte[]> source) {

    /** The receiver's idempotency key: the response id, the same on every attempt and after a restart. */
    public String idempotencyKey() {
        return response.getResponseId().toString();
    }
}
