package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.schemas.topics.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed (or parked) record into a {@link Delivery}. A record that cannot be read (not our wire format, a
 * schema the registry does not know) is logged and skipped: it is data, not a reason to stop the feed. A registry
 * that cannot be reached right now ({@link RetriableException}) is thrown, and the poll is retried. Thread-safe.
 */
final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final AvroDeserializer<TraffickingAlert> alerts;

    FeedReader(AvroDeserializer<TraffickingAlert> alerts) {
        this.alerts = alerts;
    }

    /** The delivery of a record to the body, or empty (logged) when the record cannot be read. */
    Optional<Delivery> read(String body, ConsumerRecord<String, byte[]> record) {
        TraffickingAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (RetriableException e) {
            throw e;
        } catch (SerializationException e) {
            log.error("{}: feed record at offset {} cannot be read and is not delivered: {}", body, record.offset(), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Delivery(body, alert, alert.getAlertId() + ":" + alert.getVersion(),
                header(record, Headers.TRACE_ID), record));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
