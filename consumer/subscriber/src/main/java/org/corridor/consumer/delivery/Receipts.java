package org.corridor.consumer.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.topics.Topics;

/**
 * Writes delivery receipts to {@code alerts.receipts} (key: alert id), with an idempotent acks=all producer, as the
 * subscriber service's principal: the only one the broker lets write that topic. Each receipt names the alert by its
 * origin agency and id (an id is its agency's; another agency may use the same one). Sends
 * are asynchronous and each thread's are tracked apart: {@link #confirm()} waits for the sends the calling thread made
 * since its last confirm and fails if one of those was lost, so a body's container commits a feed offset only once
 * the receipts of what it delivered are on the broker, and never takes another body's (or the deadline thread's)
 * failure for its own. Thread-safe. {@link #close()} flushes what is still under way; the producer is not this
 * class's to close (parking shares it).
 */
public final class Receipts implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final AvroSerializer<DeliveryReceipt> serializer;
    private final Clock clock;
    /** The sends of each thread since its last {@link #confirm()}. */
    private final ThreadLocal<List<CompletableFuture<Void>>> unconfirmed = ThreadLocal.withInitial(ArrayList::new);

    public Receipts(Producer<String, byte[]> producer, AvroSerializer<DeliveryReceipt> serializer, Clock clock) {
        this.producer = producer;
        this.serializer = serializer;
        this.clock = clock;
    }

    /** The DELIVERED receipt of a delivery the sink confirmed after {@code attempts} attempts (carries the priority). */
    public CompletableFuture<Void> delivered(Delivery delivery, int attempts) {
        return send(delivery.body(), delivery.alert(), DeliveryStatus.DELIVERED, attempts, Deadlines.deliveredDetail(delivery.alert()));
    }

    public CompletableFuture<Void> send(String body, TraffickingAlert alert, DeliveryStatus status, int attempt, String detail) {
        return send(body, alert.getOriginAgency().getAgencyId(), alert.getAlertId(), alert.getVersion(), status, attempt, detail);
    }

    /**
     * Sends one receipt; the result completes when the broker acknowledged it, or exceptionally when it was lost.
     *
     * @param agency the alert's origin agency; null only when it is not known (an alert delivered before receipts
     *               carried it)
     */
    public CompletableFuture<Void> send(String body, String agency, java.util.UUID alertId, int version, DeliveryStatus status,
                                        int attempt, String detail) {
        DeliveryReceipt receipt = new DeliveryReceipt(body, alertId, version, status, clock.instant(), attempt, detail, agency);
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.RECEIPTS, alertId.toString(), serializer.serialize(Topics.RECEIPTS, receipt)),
                    (metadata, e) -> {
                        if (e != null) {
                            written.completeExceptionally(e);
                        } else {
                            written.complete(null);
                        }
                    });
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
        unconfirmed.get().add(written);
        return written;
    }

    /**
     * Waits until every receipt sent so far is acknowledged by the broker.
     *
     * @throws ReceiptsLostException if one could not be written since the last call (the caller redelivers)
     */
    public void confirm() {
        List<CompletableFuture<Void>> mine = unconfirmed.get();
        if (mine.isEmpty()) {
            return;
        }
        producer.flush();
        List<CompletableFuture<Void>> sent = List.copyOf(mine);
        mine.clear();
        for (CompletableFuture<Void> f : sent) {
            try {
                f.join();
            } catch (CompletionException e) {
                throw new ReceiptsLostException("a delivery receipt could not be written: " + e.getCause().getMessage(), e.getCause());
            }
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
