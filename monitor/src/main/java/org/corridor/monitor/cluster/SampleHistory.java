package org.corridor.monitor.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.corridor.monitor.lag.OffsetSample;
import org.corridor.monitor.lag.TimeLag.LogEnd;

/**
 * The sliding history of log-end offsets per partition and of committed offsets per group and partition, kept for a
 * retention longer than the evaluation window (so "no progress for longer than the window" can be seen). Partitions
 * and groups that disappear are forgotten. Used by one sampler thread; readers get copies.
 */
public final class SampleHistory {

    /** A group's partition. */
    public record GroupPartition(String group, TopicPartition partition) {
    }

    private final Duration retention;
    private final Map<TopicPartition, List<LogEnd>> logEnds = new HashMap<>();
    private final Map<GroupPartition, List<OffsetSample>> groups = new HashMap<>();

    public SampleHistory(Duration retention) {
        this.retention = retention;
    }

    public synchronized void add(ClusterSnapshot snapshot) {
        Instant at = snapshot.at();
        snapshot.partitions().forEach((tp, p) -> {
            if (p.online()) {
                logEnds.computeIfAbsent(tp, k -> new ArrayList<>()).add(new LogEnd(at, p.latest()));
            }
        });
        logEnds.keySet().retainAll(snapshot.partitions().keySet());
        Map<GroupPartition, Boolean> seen = new HashMap<>();
        snapshot.groups().forEach((id, g) -> g.committed().forEach((tp, committed) -> {
            ClusterSnapshot.Partition p = snapshot.partitions().get(tp);
            if (p != null && p.online()) {
                GroupPartition key = new GroupPartition(id, tp);
                seen.put(key, true);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new OffsetSample(at, committed, p.latest()));
            }
        }));
        groups.keySet().retainAll(seen.keySet());
        Instant horizon = at.minus(retention);
        logEnds.values().forEach(l -> l.removeIf(s -> s.at().isBefore(horizon)));
        groups.values().forEach(l -> l.removeIf(s -> s.at().isBefore(horizon)));
    }

    public synchronized List<LogEnd> logEnds(TopicPartition tp) {
        return List.copyOf(logEnds.getOrDefault(tp, List.of()));
    }

    public synchronized List<OffsetSample> samples(String group, TopicPartition tp) {
        return List.copyOf(groups.getOrDefault(new GroupPartition(group, tp), List.of()));
    }
}
