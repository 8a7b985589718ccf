package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.serde.UnknownSchemaIdException;
import org.corridor.schemas.serde.WrongSchemaTypeException;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.schemas.topics.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed (or parked) record into a {@link Delivery}. A record that cannot be read (not our wire format, a
 * schema the registry does not know, another record type, an empty value) is data, not a reason to stop the feed: it
 * goes to the dead-letter topic with its bytes and the reason ({@link DeadLetters}), and only once the broker has it
 * is it skipped, so its offset may be committed. A dead letter that is not written, and a registry that cannot be
 * reached right now, are thrown ({@link RetriableException}): the poll is retried. Thread-safe.
 */
final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final AvroDeserializer<TraffickingAlert> alerts;
    private final DeadLetters deadLetters;

    FeedReader(AvroDeserializer<TraffickingAlert> alerts, DeadLetters deadLetters) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
    }

    /**
     * The delivery of a record to the body, or empty once a record that cannot be read is on the dead-letter topic.
     *
     * @throws RetriableException when the registry cannot be reached or the dead letter was not written
     */
    Optional<Delivery> read(String body, ConsumerRecord<String, byte[]> record) {
        TraffickingAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (RetriableException e) {
            throw e;
        } catch (UnknownSchemaIdException e) {
            return deadLetter(body, record, DeadLetters.UNKNOWN_SCHEMA, e.getMessage());
        } catch (WrongSchemaTypeException e) {
            return deadLetter(body, record, DeadLetters.WRONG_TYPE, e.getMessage());
        } catch (SerializationException e) {
            return deadLetter(body, record, DeadLetters.UNDECODABLE, e.getMessage());
        }
        if (alert == null) {
            return deadLetter(body, record, DeadLetters.UNDECODABLE, "empty record value (tombstone)");
        }
        return Optional.of(new Delivery(body, alert, Delivery.idempotencyKey(alert), header(record, Headers.TRACE_ID), record));
    }

    private Optional<Delivery> deadLetter(String body, ConsumerRecord<String, byte[]> record, String code, String reason) {
        deadLetters.send(body, record, code, reason);
        log.error("{}: {}-{}@{} cannot be read ({}: {}); it is on the dead-letter topic, not delivered", body,
                record.topic(), record.partition(), record.offset(), code, reason);
        return Optional.empty();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
