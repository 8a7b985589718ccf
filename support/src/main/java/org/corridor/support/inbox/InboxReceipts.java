package org.corridor.support.inbox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.avro.InboxReceipt;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroSerializer;

/**
 * Writes inbox receipts to {@link Topics#INBOX_RECEIPTS} (key: the party) with the delivering service's own
 * idempotent acks=all producer. {@link #confirm} waits until the given sends are on the broker, so an inbox's offsets
 * are committed only once the receipts of what was delivered are written. Thread-safe; the producer is not this
 * class's to close.
 */
public final class InboxReceipts implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final AvroSerializer<InboxReceipt> serializer;
    private final Clock clock;
    private final boolean owned;

    /** Receipts written through a producer the caller owns (and closes). */
    public InboxReceipts(Producer<String, byte[]> producer, AvroSerializer<InboxReceipt> serializer, Clock clock) {
        this(producer, serializer, clock, false);
    }

    private InboxReceipts(Producer<String, byte[]> producer, AvroSerializer<InboxReceipt> serializer, Clock clock, boolean owned) {
        this.producer = producer;
        this.serializer = serializer;
        this.clock = clock;
        this.owned = owned;
    }

    /**
     * Receipts written through a producer of their own, built from the service's producer settings (its own
     * principal): idempotent, acks=all, never transactional. {@link #close()} closes it.
     */
    public static InboxReceipts withOwnProducer(java.util.Map<String, Object> producerProps, AvroSerializer<InboxReceipt> serializer,
                                                Clock clock) {
        java.util.Map<String, Object> p = new java.util.HashMap<>(producerProps);
        p.remove(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        p.remove(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        p.remove(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        p.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        p.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new InboxReceipts(new org.apache.kafka.clients.producer.KafkaProducer<>(p,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()), serializer, clock, true);
    }

    /** Flushes what is under way and closes the producer when it is this object's own. */
    @Override
    public void close() {
        producer.flush();
        if (owned) {
            producer.close();
        }
    }

    /** Sends the receipt of one attempt; the result completes when the broker took it. */
    public CompletableFuture<Void> send(InboxItem item, InboxDeliveryStatus status, int attempt, String detail) {
        return send(item.party().name(), item.response().getResponseId(), item.response().getAlertAgency(),
                item.response().getAlertId(), item.response().getAlertVersion(), status, attempt, detail);
    }

    /**
     * Sends the ESCALATED receipt of a question past due in the inbox of the agency that owes the answer.
     *
     * @param version the alert's latest version known (the question refers to one of its versions)
     */
    public CompletableFuture<Void> escalated(String agency, java.util.UUID questionId, java.util.UUID alertId, int version,
                                             String detail) {
        return send(new Topics.Party(false, agency).name(), questionId, agency, alertId, version, InboxDeliveryStatus.ESCALATED,
                1, detail);
    }

    private CompletableFuture<Void> send(String party, java.util.UUID responseId, String alertAgency, java.util.UUID alertId,
                                         int version, InboxDeliveryStatus status, int attempt, String detail) {
        InboxReceipt receipt = new InboxReceipt(party, responseId, alertAgency, alertId, version, status, clock.instant(),
                attempt, detail);
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.INBOX_RECEIPTS, receipt.getParty(),
                    serializer.serialize(Topics.INBOX_RECEIPTS, receipt)), (metadata, e) -> {
                if (e != null) {
                    written.completeExceptionally(e);
                } else {
                    written.complete(null);
                }
            });
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
        return written;
    }

    /**
     * Waits until these sends are on the broker.
     *
     * @throws ReceiptsLostException when one was lost (the caller delivers those items again)
     */
    public void confirm(List<CompletableFuture<Void>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        producer.flush();
        for (CompletableFuture<Void> f : sends) {
            try {
                f.join();
            } catch (CompletionException e) {
                throw new ReceiptsLostException("an inbox receipt could not be written: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Receipts were not written; what they confirm is delivered again. */
    public static final class ReceiptsLostException extends RetriableException {
        private static final long serialVersionUID = 1L;

        ReceiptsLostException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
