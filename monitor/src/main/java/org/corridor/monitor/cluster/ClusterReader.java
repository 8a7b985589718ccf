package org.corridor.monitor.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads topics, partitions, offsets and consumer groups with the Admin API only: describe rights are enough, no record
 * is read. Offline partitions are reported without offsets instead of failing the round. Not thread-safe; one
 * sampler thread calls it.
 */
public final class ClusterReader {

    private final Admin admin;
    private final Duration timeout;
    private final Clock clock;

    public ClusterReader(Admin admin, Duration timeout, Clock clock) {
        this.admin = admin;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One round; throws when the cluster does not answer within the timeout. */
    public ClusterSnapshot read() throws ExecutionException, InterruptedException, TimeoutException {
        Instant at = clock.instant();
        Set<String> topics = get(admin.listTopics().names());
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, TopicPartitionInfo> infos = new HashMap<>();
        descriptions.forEach((name, d) -> d.partitions().forEach(p -> infos.put(new TopicPartition(name, p.partition()), p)));
        Set<TopicPartition> online = infos.entrySet().stream().filter(e -> e.getValue().leader() != null)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(online, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(online, OffsetSpec.earliest());
        Map<TopicPartition, ClusterSnapshot.Partition> partitions = new HashMap<>();
        infos.forEach((tp, info) -> {
            boolean up = info.leader() != null;
            partitions.put(tp, new ClusterSnapshot.Partition(info.replicas().size(), info.isr().size(), up,
                    up ? earliest.get(tp).offset() : -1, up ? latest.get(tp).offset() : -1));
        });
        return new ClusterSnapshot(at, partitions, groups());
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        return request.isEmpty() ? Map.of() : get(admin.listOffsets(request).all());
    }

    private Map<String, ClusterSnapshot.Group> groups() throws ExecutionException, InterruptedException, TimeoutException {
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        Set<String> ids = listings.stream().map(GroupListing::groupId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(ids).all());
        Map<String, ListConsumerGroupOffsetsSpec> specs = ids.stream()
                .collect(Collectors.toMap(id -> id, id -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = get(admin.listConsumerGroupOffsets(specs).all());
        Map<String, ClusterSnapshot.Group> groups = new HashMap<>();
        for (String id : ids) {
            ConsumerGroupDescription d = descriptions.get(id);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.getOrDefault(id, Map.of()).forEach((tp, om) -> {
                if (om != null) {
                    committed.put(tp, om.offset());
                }
            });
            groups.put(id, new ClusterSnapshot.Group(d == null ? "Unknown" : d.groupState().toString(),
                    d == null ? 0 : d.members().size(), Map.copyOf(committed)));
        }
        return groups;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
