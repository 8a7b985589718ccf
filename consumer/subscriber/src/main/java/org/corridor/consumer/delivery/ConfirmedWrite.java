package org.corridor.consumer.delivery;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Writes one record and returns only once the broker acknowledged it: what parking and dead-lettering need before
 * the container may commit the offset of the record they replace. Every failure, whatever its cause (a leader that
 * moved, a missing ACL, a topic that does not exist), is thrown as {@link NotWrittenException}: the poll is delivered
 * again and the record is never lost. Thread-safe.
 */
final class ConfirmedWrite {

    private ConfirmedWrite() {
    }

    /** @param what names the write in the error, e.g. {@code UNODC: parking 3f…:2 on alerts.feed.unodc.parked} */
    static void send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record, String what) {
        try {
            Future<RecordMetadata> sent = producer.send(record);
            producer.flush();
            sent.get();
        } catch (ExecutionException e) {
            throw new NotWrittenException(what + " failed, will retry: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotWrittenException(what + " was interrupted, will retry", e);
        } catch (KafkaException e) {
            throw new NotWrittenException(what + " failed, will retry: " + e.getMessage(), e);
        }
    }

    /** A record that had to be written first was not: the caller must not commit what it stands for. */
    static final class NotWrittenException extends RetriableException {
        private static final long serialVersionUID = 1L;

        NotWrittenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
