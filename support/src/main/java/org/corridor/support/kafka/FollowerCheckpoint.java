package org.corridor.support.kafka;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a {@link TopicFollower} whose view outlives the process resumes, and where it records how far it has read.
 * Without one, a follower reads its topics from the start.
 */
public interface FollowerCheckpoint {

    /** The next offset to read of each partition; partitions not in it are read from their start. */
    Map<TopicPartition, Long> resumeAt();

    /**
     * Called on the follower's thread once the records of one poll have been handed to the view: the next offset of
     * each partition they came from. What the view made of those records must be durable before this returns.
     */
    void handled(Map<TopicPartition, Long> next);

    /** No checkpoint: read from the start, record nothing. */
    FollowerCheckpoint NONE = new FollowerCheckpoint() {
        @Override
        public Map<TopicPartition, Long> resumeAt() {
            return Map.of();
        }

        @Override
        public void handled(Map<TopicPartition, Long> next) {
        }
    };
}
