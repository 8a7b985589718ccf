package org.corridor.consumer.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which bodies received some version of each alert, so corrections and retractions follow the alert. Kept in memory,
 * backed by the compacted topic {@value #TOPIC} that the router writes in each routing transaction. A reader thread
 * follows the topic (read_committed), so instances see each other's decisions; before an instance routes a partition
 * it was just given, it waits until it has read everything committed so far ({@link #catchUp}). Thread-safe.
 */
public final class RecipientsStore implements AutoCloseable {

    /** Key: alert id; value: comma-separated body ids that have received it. */
    public static final String TOPIC = "alerts.recipients";
    private static final Logger log = LoggerFactory.getLogger(RecipientsStore.class);

    private final Map<String, SortedSet<String>> recipients = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private final List<TopicPartition> partitions;
    private volatile RuntimeException failure;
    private final Object progress = new Object();
    private Map<TopicPartition, Long> positions = Map.of();
    private volatile boolean running = true;

    public RecipientsStore(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
        this.partitions = partitionsOf(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.reader = new Thread(this::read, "recipients-store-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The topic's partitions; a topic created a moment ago may take a little while to show them. */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<TopicPartition> found = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                if (found.isEmpty()) {
                    throw new IllegalStateException("topic " + TOPIC + " has no partitions");
                }
                return found;
            }
            consumer.listTopics(Duration.ofSeconds(1));
        }
    }

    /** Bodies that received an earlier version of the alert (empty when none). */
    public Set<String> previous(String alertId) {
        return recipients.getOrDefault(alertId, new TreeSet<>());
    }

    /** Records recipients of a committed routing; called after the transaction committed. */
    public void committed(String alertId, Collection<String> bodies) {
        if (!bodies.isEmpty()) {
            recipients.merge(alertId, new TreeSet<>(bodies), (a, b) -> {
                TreeSet<String> all = new TreeSet<>(a);
                all.addAll(b);
                return all;
            });
        }
    }

    /** Waits until everything committed to the topic before this call has been read. */
    public void catchUp(Admin admin, Duration timeout) {
        try {
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            catchUp(end, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the end of " + TOPIC, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + TOPIC + ": " + e, e);
        }
    }

    void catchUp(Map<TopicPartition, Long> endOffsets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (endOffsets.entrySet().stream().anyMatch(e -> positions.getOrDefault(e.getKey(), 0L) < e.getValue())) {
                if (failure != null) {
                    throw new IllegalStateException("the recipients store stopped reading " + TOPIC, failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the recipients store did not catch up with " + TOPIC + " within " + timeout);
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while catching up with " + TOPIC, e);
                }
            }
        }
    }

    /** Waits until everything committed so far has been read. */
    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && !r.value().isEmpty()) {
                        committed(r.key(), Arrays.asList(r.value().split(",")));
                    }
                }
                Map<TopicPartition, Long> now = new java.util.HashMap<>();
                for (TopicPartition tp : consumer.assignment()) {
                    now.put(tp, consumer.position(tp));
                }
                synchronized (progress) {
                    positions = now;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException closing) {
            // close() woke the reader
        } catch (RuntimeException e) {
            failure = e;
            log.error("The recipients store stopped reading {}", TOPIC, e);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
