package org.corridor.consumer.router;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.corridor.consumer.audit.AuditAssignment;
import org.corridor.consumer.audit.AuditChains;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.isolation.BatchIsolation;
import org.corridor.consumer.isolation.FailureKind;
import org.corridor.consumer.metrics.RouterMetrics;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes a poll's records in Kafka transactions: the feed records, audit decisions, recipients, dead letters and the
 * consumed offsets of a batch commit together. When Kafka refuses the transaction, {@link BatchIsolation} retries it a
 * bounded number of times, then halves the batch until the record it refuses is alone, and dead-letters that record
 * ({@link DeadLetter#KAFKA_REJECTED}) in a transaction of its own; routing goes on. When the cluster itself keeps
 * failing, the rest of the batch is given back to the container, which redelivers it after a pause: nothing is skipped.
 * The audit chain heads a transaction advanced become the committed heads only after its commit ({@link AuditChains}).
 */
final class TransactionalRouting {

    private static final Logger log = LoggerFactory.getLogger(TransactionalRouting.class);

    private final RoutingService routing;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final AuditChains chains;
    private final BatchIsolation<ConsumerRecord<String, byte[]>> isolation;
    private final RouterMetrics metrics;

    TransactionalRouting(RoutingService routing, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                         AuditChains chains, RouterProperties properties, RouterMetrics metrics) {
        this.routing = routing;
        this.transactions = transactions;
        this.kafka = kafka;
        this.chains = chains;
        this.metrics = metrics;
        this.isolation = new BatchIsolation<>(properties.maxRetries(), properties.retryBackoff().toMillis(),
                properties.maxRetryBackoff().toMillis(), KafkaFailures::classify, Thread::sleep, new BatchIsolation.Listener() {
                    @Override
                    public void retried(int size, int attempt, Exception why) {
                        metrics.batchRetried(KafkaFailures.classify(why).name());
                        log.warn("Routing transaction of {} record(s) failed (attempt {}), retrying: {}", size, attempt, why.toString());
                    }

                    @Override
                    public void split(int size) {
                        metrics.batchSplit();
                        log.warn("Kafka keeps refusing a batch of {} records: halving it to isolate the record", size);
                    }

                    @Override
                    public void isolated(Exception why) {
                        log.error("Kafka refused one inbound record's routing; it is dead-lettered as {}: {}",
                                DeadLetter.KAFKA_REJECTED, why.toString());
                    }
                });
    }

    void route(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        try {
            isolation.process(records, new BatchIsolation.Attempt<>() {
                @Override
                public void run(List<ConsumerRecord<String, byte[]>> part) {
                    AtomicReference<AuditChains.Batch> toCommit = new AtomicReference<>();
                    committed(() -> {
                        // In the transaction: the transactional template answers the audit's partitions only there.
                        AuditChains.Batch audit = chains.begin(
                                AuditAssignment.writers(consumer, kafka.partitionsFor(Topics.AUDIT).size()));
                        Runnable onCommit = routing.routeBatch(part, audit);
                        kafka.sendOffsetsToTransaction(offsets(part), consumer.groupMetadata());
                        toCommit.set(audit);
                        return onCommit;
                    }, () -> {
                        if (toCommit.get() != null) {
                            toCommit.get().commitFailed();
                        }
                    });
                }

                @Override
                public void isolate(ConsumerRecord<String, byte[]> record, Exception why) {
                    committed(() -> {
                        Runnable onCommit = routing.deadLetter(record, new DeadLetter(DeadLetter.KAFKA_REJECTED,
                                "Kafka refused the records routing this one wrote: " + rootCause(why)));
                        kafka.sendOffsetsToTransaction(offsets(List.of(record)), consumer.groupMetadata());
                        return onCommit;
                    }, () -> { });
                }
            });
        } catch (BatchIsolation.GiveBack giveBack) {
            FailureKind kind = giveBack.kind();
            metrics.batchGivenBack(kind.name());
            // The container commits what came before the index and redelivers the rest after its back-off.
            throw new BatchListenerFailedException(giveBack.getMessage(), giveBack.getCause(), giveBack.index());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchListenerFailedException("interrupted while routing", e, 0);
        }
    }

    /**
     * Runs the work in a transaction and what it returned once the transaction committed. The Kafka transaction
     * manager runs no transaction synchronizations, so "after commit" is here: after the template returned.
     */
    private void committed(java.util.function.Supplier<Runnable> work, Runnable onRollback) {
        Runnable onCommit;
        try {
            onCommit = transactions.execute(status -> work.get());
        } catch (RuntimeException rolledBack) {
            metrics.transaction(false);
            onRollback.run();
            throw rolledBack;
        }
        metrics.transaction(true);
        if (onCommit != null) {
            onCommit.run();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? t.toString() : t + " (cause: " + root + ")";
    }
}
