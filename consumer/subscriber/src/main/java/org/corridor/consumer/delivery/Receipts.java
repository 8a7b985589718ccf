package org.corridor.consumer.delivery;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;

/**
 * Writes delivery receipts to {@code alerts.receipts} (key: alert id), with an idempotent acks=all producer. Sends
 * are asynchronous; {@link #confirm()} waits for all of them and fails if one was lost, so the subscribers commit a
 * feed offset only once the receipts of what they delivered are on the broker. Thread-safe. {@link #close()} flushes
 * what is still under way; the producer is not this class's to close (parking shares it).
 */
public final class Receipts implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final AvroSerializer<DeliveryReceipt> serializer;
    private final Clock clock;
    private final AtomicReference<Exception> lost = new AtomicReference<>();

    public Receipts(Producer<String, byte[]> producer, AvroSerializer<DeliveryReceipt> serializer, Clock clock) {
        this.producer = producer;
        this.serializer = serializer;
        this.clock = clock;
    }

    /** The DELIVERED receipt of a delivery the sink confirmed after {@code attempts} attempts (carries the priority). */
    public void delivered(Delivery delivery, int attempts) {
        send(delivery.body(), delivery.alert(), DeliveryStatus.DELIVERED, attempts, Deadlines.deliveredDetail(delivery.alert()));
    }

    public void send(String body, TraffickingAlert alert, DeliveryStatus status, int attempt, String detail) {
        send(body, alert.getAlertId(), alert.getVersion(), status, attempt, detail);
    }

    public void send(String body, java.util.UUID alertId, int version, DeliveryStatus status, int attempt, String detail) {
        DeliveryReceipt receipt = new DeliveryReceipt(body, alertId, version, status, clock.instant(), attempt, detail);
        producer.send(new ProducerRecord<>(Topics.RECEIPTS, alertId.toString(), serializer.serialize(Topics.RECEIPTS, receipt)),
                (metadata, e) -> {
                    if (e != null) {
                        lost.compareAndSet(null, e);
                    }
                });
    }

    /**
     * Waits until every receipt sent so far is acknowledged by the broker.
     *
     * @throws ReceiptsLostException if one could not be written since the last call (the caller redelivers)
     */
    public void confirm() {
        producer.flush();
        Exception e = lost.getAndSet(null);
        if (e != null) {
            throw new ReceiptsLostException("a delivery receipt could not be written: " + e.getMessage(), e);
        }
    }

    /** Receipts were not written; the deliveries they confirm are retried. */
    public static final class ReceiptsLostException extends org.apache.kafka.common.errors.RetriableException {
        private static final long serialVersionUID = 1L;

        ReceiptsLostException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Waits until every receipt sent so far has been acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
