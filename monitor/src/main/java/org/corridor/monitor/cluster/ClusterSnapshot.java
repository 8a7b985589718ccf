package org.corridor.monitor.cluster;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * One round of Admin API reads.
 *
 * @param at         when the round started
 * @param partitions every partition of every non-internal topic
 * @param groups     every consumer group, with or without active members
 */
public record ClusterSnapshot(Instant at, Map<TopicPartition, Partition> partitions, Map<String, Group> groups) {

    /**
     * @param replicas  assigned replicas
     * @param isr       in-sync replicas
     * @param online    whether the partition has a leader
     * @param earliest  log-start offset (-1 when offline)
     * @param latest    log-end offset (-1 when offline)
     */
    public record Partition(int replicas, int isr, boolean online, long earliest, long latest) {

        public boolean underReplicated() {
            return online && isr < replicas;
        }
    }

    /**
     * @param state     the coordinator's state (Stable, Empty, ...)
     * @param members   active members; 0 for a group whose consumers are all gone
     * @param committed committed offsets by partition
     */
    public record Group(String state, int members, Map<TopicPartition, Long> committed) {
    }
}
