package org.corridor.consumer.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.corridor.schemas.topics.Topics;

/**
 * Adapts the router consumer's view (its subscription, the partition counts its metadata holds, its assignment) to
 * {@link AuditWriters}. Call on the consumer's own thread: the listener's, or a rebalance listener's.
 */
public final class AuditAssignment {

    private AuditAssignment() {
    }

    /** Which audit partitions the consumer's instance may write now. */
    public static AuditWriters writers(Consumer<?, ?> consumer, int auditPartitions) {
        Map<String, Set<Integer>> assigned = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            if (Topics.isRouted(tp.topic())) {
                assigned.computeIfAbsent(tp.topic(), t -> new HashSet<>()).add(tp.partition());
            }
        }
        return AuditWriters.of(auditPartitions, widths(consumer, assigned.keySet()), assigned);
    }

    /** Partition count of each routed topic (inbound or responses) the consumer knows: its subscription and what it was assigned. */
    public static Map<String, Integer> widths(Consumer<?, ?> consumer, Set<String> alsoAssigned) {
        Set<String> topics = new HashSet<>(consumer.subscription());
        topics.addAll(alsoAssigned);
        Map<String, Integer> widths = new HashMap<>();
        for (String topic : topics) {
            if (Topics.isRouted(topic)) {
                // From the consumer's metadata for a subscribed topic: no request.
                List<PartitionInfo> partitions = consumer.partitionsFor(topic);
                widths.put(topic, partitions == null ? 0 : partitions.size());
            }
        }
        return widths;
    }
}
