package org.corridor.consumer.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.audit.DecisionHash;

/**
 * Reads an audit partition's chain head from the log: the hash of its last committed record. The partition's
 * committed end (read_committed) must be its end: a smaller one means an open transaction, which can only be its
 * previous owner's (about to commit or abort, or to be aborted by the transaction timeout), so the head is not known
 * yet and {@link AuditChainBusyException} sends the batch back to be retried. The last committed record is found by
 * reading a window before the committed end, grown while it holds only transaction markers and aborted records. A
 * record without a value (never the router's) counts as empty bytes, so the chain goes on and the verification names
 * it. Thread-safe (one read at a time).
 */
public final class AuditLogTail implements AuditChains.HeadSource, AutoCloseable {

    private static final int FIRST_WINDOW = 16;
    private static final Duration OPEN_TRANSACTION_WAIT = Duration.ofSeconds(2);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;

    /** @param consumerProps Kafka client settings of the router (its group settings are not used) */
    public AuditLogTail(Admin admin, Map<String, Object> consumerProps, Duration timeout) {
        Map<String, Object> p = new HashMap<>(consumerProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "corridor-audit-tail");
        this.admin = admin;
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    @Override
    public synchronized Optional<String> head(int auditPartition) {
        TopicPartition tp = new TopicPartition(Topics.AUDIT, auditPartition);
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = offset(tp, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
        long committedEnd = committedEnd(tp);
        try {
            consumer.assign(List.of(tp));
            for (long window = FIRST_WINDOW; ; window *= 8) {
                long from = Math.max(start, committedEnd - window);
                byte[] last = lastBefore(tp, from, committedEnd, deadline);
                if (last != null) {
                    return Optional.of(DecisionHash.of(last));
                }
                if (from == start) {
                    return Optional.empty();
                }
            }
        } catch (AuditChainBusyException e) {
            throw e;
        } catch (KafkaException e) {
            // Retried, never a reason to split the batch: a refused read (a missing READ ACL) is not the records' fault.
            throw new AuditChainBusyException("cannot read " + tp + ": " + e, e);
        }
    }

    /**
     * The partition's committed end, once it is the end of the log. A transaction that just ended is still open for
     * a moment (its markers are written after the commit or abort returned), so this waits a little before it gives up.
     */
    private long committedEnd(TopicPartition tp) {
        long waitUntil = System.nanoTime() + OPEN_TRANSACTION_WAIT.toNanos();
        while (true) {
            long committedEnd = offset(tp, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
            long end = offset(tp, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
            if (committedEnd >= end) {
                return committedEnd;
            }
            if (System.nanoTime() > waitUntil) {
                throw new AuditChainBusyException(tp + " has an open transaction (committed records end at offset "
                        + committedEnd + ", the log at " + end + "): its writer has yet to commit or abort");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditChainBusyException("interrupted waiting for the open transaction on " + tp, e);
            }
        }
    }

    /** The value of the last committed record in [from, end), null when there is none. */
    private byte[] lastBefore(TopicPartition tp, long from, long end, long deadline) {
        consumer.seek(tp, from);
        byte[] last = null;
        while (consumer.position(tp) < end) {
            if (System.nanoTime() > deadline) {
                throw new AuditChainBusyException("could not read " + tp + " up to offset " + end + " within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end) {
                    last = r.value() == null ? new byte[0] : r.value();
                }
            }
        }
        return last;
    }

    private long offset(TopicPartition tp, OffsetSpec spec, IsolationLevel isolation) {
        try {
            return admin.listOffsets(Map.of(tp, spec), new ListOffsetsOptions(isolation)).partitionResult(tp)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditChainBusyException("interrupted reading the offsets of " + tp, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditChainBusyException("cannot read the offsets of " + tp + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
