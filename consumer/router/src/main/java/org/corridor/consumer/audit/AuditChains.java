package org.corridor.consumer.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.corridor.support.audit.DecisionHash;

/**
 * The head of each {@code alerts.audit} partition's hash chain: the {@link DecisionHash} of the last decision
 * committed there, which the next decision names. Held in memory; a head not known yet is read from the log
 * ({@link HeadSource}) on first use, so after every rebalance ({@link #forget}) a new owner starts from what is
 * committed, not from what it remembers. A routing transaction works on a {@link Batch}: its heads advance
 * provisionally and become the committed heads only when {@link Batch#committed} runs after the commit; a batch that
 * rolled back leaves nothing behind, and after a failed commit the heads it touched are read from the log again,
 * since a failed commit may still have committed. Thread-safe; each batch belongs to one thread.
 */
public final class AuditChains {

    /** Reads the head of a partition from the log. */
    public interface HeadSource {
        /**
         * The hash of the last committed decision of the audit partition, empty when it has none.
         *
         * @throws AuditChainBusyException while the partition has an open transaction, or its end cannot be read
         */
        Optional<String> head(int auditPartition);
    }

    private final HeadSource source;
    private final Map<Integer, Optional<String>> committed = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public AuditChains(HeadSource source) {
        this.source = source;
    }

    /** Forgets every head; called on every rebalance, so the partitions' next owner reads them from the log. */
    public void forget() {
        synchronized (generation) {
            generation.incrementAndGet();
            committed.clear();
        }
    }

    /** Starts the chain work of one routing transaction, writing where {@code writers} allows. */
    public Batch begin(AuditWriters writers) {
        return new Batch(writers, generation.get());
    }

    /** The chain work of one routing transaction. Not thread-safe. */
    public final class Batch {
        private final AuditWriters writers;
        private final long startedIn;
        private final Map<Integer, Optional<String>> provisional = new HashMap<>();
        private final Set<Integer> touched = new HashSet<>();

        private Batch(AuditWriters writers, long startedIn) {
            this.writers = writers;
            this.startedIn = startedIn;
        }

        /**
         * The audit partition for a decision on a record of the inbound partition.
         *
         * @throws AuditNotOwnedException when this instance may write no audit partition
         */
        public int partitionFor(int inboundPartition) {
            return writers.target(inboundPartition);
        }

        /**
         * What the next decision on the audit partition names: the provisional head of this batch, else the
         * committed head, read from the log when unknown. Null for a partition with no decision yet.
         *
         * @throws AuditChainBusyException when the head cannot be read yet
         */
        public String previous(int auditPartition) {
            if (!writers.mayWrite(auditPartition)) {
                throw new AuditNotOwnedException("alerts.audit partition " + auditPartition + ": "
                        + writers.whyNot(auditPartition));
            }
            touched.add(auditPartition);
            Optional<String> head = provisional.get(auditPartition);
            if (head == null) {
                head = committed.get(auditPartition);
            }
            if (head == null) {
                head = source.head(auditPartition);
                // What the log holds is committed whatever this batch does.
                committed.put(auditPartition, head);
            }
            return head.orElse(null);
        }

        /** Records that this batch wrote the decision's value to the audit partition: its provisional new head. */
        public void appended(int auditPartition, byte[] value) {
            touched.add(auditPartition);
            provisional.put(auditPartition, Optional.of(DecisionHash.of(value)));
        }

        /**
         * Makes this batch's heads the committed ones; run once the transaction committed. A rebalance since the
         * batch began already dropped every head, and its heads are not brought back.
         */
        public void committed() {
            synchronized (generation) {
                if (generation.get() == startedIn) {
                    committed.putAll(provisional);
                }
            }
        }

        /**
         * The commit failed, and a failed commit may still have committed: the heads this batch touched are read from
         * the log next time. (A batch that failed before its commit changed nothing and needs no call.)
         */
        public void commitFailed() {
            touched.forEach(committed::remove);
        }
    }
}
