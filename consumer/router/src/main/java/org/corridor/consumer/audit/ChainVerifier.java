package org.corridor.consumer.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.registry.SchemaRegistryClientException;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.audit.ChainWalk;

/**
 * Walks every {@code alerts.audit} partition from its log start to its committed end as the walk began
 * (read_committed: aborted decisions were never part of the chain), through a {@link ChainWalk} each. A partition stops
 * being read at its first broken link. A decision that does not decode (wrong type, unknown schema, bad bytes) is a
 * broken link; a registry or broker that does not answer is not, it stops the walk ({@link CannotVerify}).
 */
public final class ChainVerifier {

    /** What the walk found on one partition. */
    public record PartitionResult(int partition, long logStart, long committedEnd, ChainWalk walk) {
    }

    /** Records read so far, of about how many (transaction markers included). */
    public interface Progress {
        void read(long records, long ofAbout);
    }

    /** The walk could not be done: Kafka or the registry did not answer, or there is no audit. */
    public static final class CannotVerify extends Exception {
        public CannotVerify(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, Object> kafka;
    private final Deserializer<RoutingDecision> decisions;
    private final Duration stallTimeout;

    /**
     * @param kafka        Kafka client settings of a principal that may read the audit
     * @param decisions    reads a {@code RoutingDecision}, refusing any other type
     * @param stallTimeout how long the walk may go without reading anything before it gives up
     */
    public ChainVerifier(Map<String, Object> kafka, Deserializer<RoutingDecision> decisions, Duration stallTimeout) {
        Map<String, Object> p = new HashMap<>(kafka);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "corridor-audit-verify");
        this.kafka = p;
        this.decisions = decisions;
        this.stallTimeout = stallTimeout;
    }

    /** Walks every partition; results in partition order. */
    public List<PartitionResult> verify(Progress progress) throws CannotVerify {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.AUDIT, stallTimeout);
            if (infos == null || infos.isEmpty()) {
                throw new CannotVerify(Topics.AUDIT + " does not exist", null);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(Topics.AUDIT, i.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, stallTimeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stallTimeout);
            Map<TopicPartition, ChainWalk> walks = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
            partitions.forEach(tp -> walks.put(tp, new ChainWalk()));
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
            walk(consumer, walks, end, total, progress);
            List<PartitionResult> results = new ArrayList<>();
            walks.forEach((tp, w) -> results.add(new PartitionResult(tp.partition(), start.get(tp), end.get(tp), w)));
            return results;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new CannotVerify("cannot read " + Topics.AUDIT + ": " + e, e);
        }
    }

    private void walk(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, ChainWalk> walks,
                      Map<TopicPartition, Long> end, long total, Progress progress) throws CannotVerify {
        long read = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            List<TopicPartition> open = walks.keySet().stream()
                    .filter(tp -> walks.get(tp).broken() == null && consumer.position(tp) < end.get(tp)).toList();
            if (open.isEmpty()) {
                return;
            }
            List<TopicPartition> done = walks.keySet().stream().filter(tp -> !open.contains(tp)).toList();
            consumer.pause(done);
            boolean any = false;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() >= end.get(tp) || walks.get(tp).broken() != null) {
                    continue;
                }
                judge(walks.get(tp), r);
                any = true;
                if (++read % 10_000 == 0) {
                    progress.read(read, total);
                }
            }
            if (any) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                throw new CannotVerify("nothing read from " + open + " for " + stallTimeout, null);
            }
        }
    }

    private void judge(ChainWalk walk, ConsumerRecord<byte[], byte[]> r) throws CannotVerify {
        if (r.value() == null) {
            walk.next(r.offset(), null, null);
            return;
        }
        RoutingDecision decision;
        try {
            decision = decisions.deserialize(r.topic(), r.value());
        } catch (RetriableException | SchemaRegistryClientException e) {
            // The registry's failure (down, or refusing these credentials) says nothing about the record.
            throw new CannotVerify("the schema registry did not answer for offset " + r.offset() + " of partition "
                    + r.partition() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            walk.undecodable(r.offset(), e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        walk.next(r.offset(), r.value(), decision == null ? null : decision.getPreviousDecisionSha256());
    }
}
