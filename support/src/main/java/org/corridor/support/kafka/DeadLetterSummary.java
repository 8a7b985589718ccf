package org.corridor.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;

/**
 * The header-only twin of a dead letter on {@link Topics#DEAD_LETTER_SUMMARY}: reason code, reason and source, no
 * key, no value and none of the original record's headers. Whoever writes a dead letter writes its summary with it
 * (the router in the same transaction), so the monitor counts dead letters without a right to read alerts.
 */
public final class DeadLetterSummary {

    private DeadLetterSummary() {
    }

    public static ProducerRecord<String, byte[]> of(String code, String reason, String sourceTopic, int partition, long offset) {
        List<Header> headers = List.of(
                header(Headers.DLQ_REASON_CODE, code),
                header(Headers.DLQ_REASON, reason),
                header(Headers.DLQ_SOURCE_TOPIC, sourceTopic),
                header(Headers.DLQ_SOURCE_PARTITION, Integer.toString(partition)),
                header(Headers.DLQ_SOURCE_OFFSET, Long.toString(offset)));
        return new ProducerRecord<>(Topics.DEAD_LETTER_SUMMARY, null, (String) null, (byte[]) null, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
