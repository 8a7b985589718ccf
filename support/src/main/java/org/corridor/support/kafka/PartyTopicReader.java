package org.corridor.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one of a party's own topics (its inbox, its links) from its start to its committed end: read_committed, no
 * group, nothing committed. It reads with the consumer settings it is given, which carry that party's own principal
 * where the broker is secured, so it can never show more than the party's topic holds. Such a topic holds few records
 * next to a feed, and this is the simplest reader that cannot miss one. A record that does not decode is skipped and
 * counted. Thread-safe: one consumer per call.
 *
 * @param <T> the topic's value type
 */
public final class PartyTopicReader<T> {

    /** The records read, in partition order, and how many could not be decoded. */
    public record Read<T>(List<T> values, int undecodable) {
    }

    private final Map<String, Object> consumerProps;
    private final Deserializer<T> values;
    private final Duration timeout;

    /**
     * @param consumerProps Kafka consumer settings of the party (group settings are dropped)
     * @param timeout       how long one read may take before it fails with a {@link TimeoutException}
     */
    public PartyTopicReader(Map<String, Object> consumerProps, Deserializer<T> values, Duration timeout) {
        Map<String, Object> p = new HashMap<>(consumerProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProps = Map.copyOf(p);
        this.values = values;
        this.timeout = timeout;
    }

    /**
     * The values on the topic whose record key passes {@code keys}; none when the topic does not exist.
     *
     * @throws TimeoutException when the topic cannot be read to its end within the timeout
     */
    public Read<T> read(String topic, Predicate<String> keys) {
        Snapshot<T> s = scan(topic, null, key -> key != null && keys.test(key));
        return new Read<>(s.entries().stream().map(Entry::value).toList(), s.undecodable());
    }

    /** A record read, where it is in the log, and its value. */
    public record Entry<T>(int partition, long offset, long timestamp, String key, T value) {
    }

    /**
     * The records of a topic up to fixed end offsets, so paging through them stays the same while more arrive.
     *
     * @param end the end offset read up to, per partition: the committed end at the first read, or the one a page token
     *            pinned
     */
    public record Snapshot<T>(List<Entry<T>> entries, Map<Integer, Long> end, int undecodable) {
    }

    /**
     * The records of the topic from its start to {@code upTo} (per partition), or to its committed end where
     * {@code upTo} is null; none when the topic does not exist.
     *
     * @throws IllegalArgumentException when {@code upTo} names a partition the topic lacks or lies past its end
     * @throws TimeoutException         when the topic cannot be read that far within the timeout
     */
    public Snapshot<T> snapshot(String topic, Map<Integer, Long> upTo) {
        return scan(topic, upTo, key -> true);
    }

    /** The records from the start to {@code upTo} (or the committed end) whose key, maybe null, passes {@code keys}. */
    private Snapshot<T> scan(String topic, Map<Integer, Long> upTo, Predicate<String> keys) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Entry<T>> found = new ArrayList<>();
        int undecodable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return new Snapshot<>(List.of(), Map.of(), 0);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> committedEnd = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = new HashMap<>(committedEnd);
            if (upTo != null) {
                for (Map.Entry<Integer, Long> e : upTo.entrySet()) {
                    TopicPartition tp = new TopicPartition(topic, e.getKey());
                    Long last = committedEnd.get(tp);
                    if (last == null || e.getValue() < 0 || e.getValue() > last) {
                        throw new IllegalArgumentException("partition " + e.getKey() + " offset " + e.getValue()
                                + " is not in " + topic);
                    }
                    end.put(tp, e.getValue());
                }
            }
            while (!atEnd(consumer, end)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("reading " + topic + " to its end took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(Math.min(200, left / 1_000_000 + 1)))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null
                            || !keys.test(r.key())) {
                        continue;
                    }
                    try {
                        found.add(new Entry<>(r.partition(), r.offset(), r.timestamp(), r.key(),
                                values.deserialize(r.topic(), r.value())));
                    } catch (RuntimeException e) {
                        undecodable++;
                    }
                }
            }
            Map<Integer, Long> ends = new java.util.TreeMap<>();
            end.forEach((tp, offset) -> ends.put(tp.partition(), offset));
            return new Snapshot<>(List.copyOf(found), Map.copyOf(ends), undecodable);
        }
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
