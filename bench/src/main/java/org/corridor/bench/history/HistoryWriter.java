package org.corridor.bench.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.topics.Topics;

/**
 * Writes the history of {@code n} alerts, each one of the {@link AlertTemplates} under a fresh id: per alert its
 * {@code alerts.recipients} record, its decision on its audit partition (linked into that partition's chain by
 * {@link AuditChainContinuation}) and, for each of its first {@code receiptBodies} recipients, a DELIVERED receipt
 * followed by an ACKNOWLEDGED one (acknowledged so no deadline of the history is still open when the platform starts
 * again: the subscriber would escalate them all). Decisions are dated one millisecond apart, ending now. The first
 * failed send stops the writing. One thread; not thread-safe.
 */
final class HistoryWriter {

    /** Records acknowledged by the broker, per topic. */
    record Counts(long recipients, long audit, long receipts) {
        long total() {
            return recipients + audit + receipts;
        }
    }

    private final List<AlertTemplates.Template> templates;
    private final AuditPartitions partitions;
    private final AuditChainContinuation chain;
    private final Function<DeliveryReceipt, byte[]> receiptEncoder;
    private final int receiptBodies;
    private final AtomicLong recipients = new AtomicLong();
    private final AtomicLong audit = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    HistoryWriter(List<AlertTemplates.Template> templates, AuditPartitions partitions, AuditChainContinuation chain,
                  Function<DeliveryReceipt, byte[]> receiptEncoder, int receiptBodies) {
        this.templates = templates;
        this.partitions = partitions;
        this.chain = chain;
        this.receiptEncoder = receiptEncoder;
        this.receiptBodies = receiptBodies;
    }

    /**
     * @param router     writes recipients and audit (the router's principal)
     * @param subscriber writes receipts (the subscriber service's principal)
     * @param progress   told the alerts written so far, every 1,024
     * @throws Exception the first failed send (what the broker acknowledged: {@link #counts}, once flushed)
     */
    void write(long n, Producer<String, byte[]> router, Producer<String, byte[]> subscriber, LongConsumer progress) throws Exception {
        SplittableRandom random = new SplittableRandom();
        long end = Instant.now().toEpochMilli();
        DeliveryReceipt receipt = new DeliveryReceipt();
        Callback recipientsDone = counting(recipients);
        Callback auditDone = counting(audit);
        Callback receiptsDone = counting(receipts);
        for (long i = 0; i < n; i++) {
            if (failure.get() != null) {
                throw failure.get();
            }
            AlertTemplates.Template t = templates.get((int) (i % templates.size()));
            UUID id = uuid(random);
            String key = id.toString();
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            Instant decidedAt = Instant.ofEpochMilli(end - (n - i));
            RoutingDecision d = t.decision();
            d.setAlertId(id);
            d.setDecidedAt(decidedAt);
            int partition = partitions.of(t.agency(), keyBytes);
            router.send(new ProducerRecord<>(Topics.AUDIT, partition, key, chain.append(partition, d)), auditDone);
            router.send(new ProducerRecord<>(Topics.RECIPIENTS, key, t.recipientsValue()), recipientsDone);
            for (int b = 0; b < Math.min(receiptBodies, t.recipients().size()); b++) {
                String body = t.recipients().get(b);
                fill(receipt, body, id, t, DeliveryStatus.DELIVERED, decidedAt.plusMillis(40), 1, t.deliveredDetail());
                subscriber.send(new ProducerRecord<>(Topics.RECEIPTS, key, receiptEncoder.apply(receipt)), receiptsDone);
                fill(receipt, body, id, t, DeliveryStatus.ACKNOWLEDGED, decidedAt.plusSeconds(600), 0, null);
                subscriber.send(new ProducerRecord<>(Topics.RECEIPTS, key, receiptEncoder.apply(receipt)), receiptsDone);
            }
            if ((i & 1023) == 0) {
                progress.accept(i);
            }
        }
        progress.accept(n);
    }

    /** The first failed send, null when none failed. */
    Exception failure() {
        return failure.get();
    }

    Counts counts() {
        return new Counts(recipients.get(), audit.get(), receipts.get());
    }

    private Callback counting(AtomicLong count) {
        return (metadata, e) -> {
            if (e == null) {
                count.incrementAndGet();
            } else {
                failure.compareAndSet(null, e);
            }
        };
    }

    private static void fill(DeliveryReceipt r, String body, UUID id, AlertTemplates.Template t, DeliveryStatus status,
                             Instant at, int attempt, String detail) {
        r.setBody(body);
        r.setAlertId(id);
        r.setAlertVersion(t.decision().getAlertVersion());
        r.setStatus(status);
        r.setAt(at);
        r.setAttempt(attempt);
        r.setDetail(detail);
        r.setOriginAgency(t.agency());
    }

    /** A random (version 4) UUID from a fast generator: ids need to be unique, not unguessable. */
    static UUID uuid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
