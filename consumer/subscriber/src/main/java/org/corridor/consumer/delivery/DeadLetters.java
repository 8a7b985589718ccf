package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.DeadLetterSummary;

/**
 * Sends a feed or parked record that cannot be read to {@code alerts.dlq} as the router does: its key, original bytes
 * and headers, plus the reason code, the reason and the topic, partition and offset it came from. Returns only once
 * the broker has it ({@link ConfirmedWrite}), so the record's offset may then be committed; throws
 * {@link ConfirmedWrite.NotWrittenException} otherwise. Thread-safe.
 */
final class DeadLetters {

    /** Not our wire format, or bytes that are not a TraffickingAlert; an empty value (tombstone). */
    static final String UNDECODABLE = "UNDECODABLE";
    /** A schema id the registry does not know. */
    static final String UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA";
    /** A registered schema of another record type than TraffickingAlert. */
    static final String WRONG_TYPE = "WRONG_TYPE";

    private final Producer<String, byte[]> producer;

    DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    void send(String body, ConsumerRecord<String, byte[]> record, String code, String reason) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        headers.add(header(Headers.DLQ_REASON_CODE, code));
        headers.add(header(Headers.DLQ_REASON, reason));
        headers.add(header(Headers.DLQ_SOURCE_TOPIC, record.topic()));
        headers.add(header(Headers.DLQ_SOURCE_PARTITION, Integer.toString(record.partition())));
        headers.add(header(Headers.DLQ_SOURCE_OFFSET, Long.toString(record.offset())));
        ConfirmedWrite.send(producer, new ProducerRecord<>(Topics.DEAD_LETTERS, null, record.key(), record.value(), headers),
                body + ": dead-lettering " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + " on " + Topics.DEAD_LETTERS);
        ConfirmedWrite.send(producer, DeadLetterSummary.of(code, reason, record.topic(), record.partition(), record.offset()),
                body + ": summarising the dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
