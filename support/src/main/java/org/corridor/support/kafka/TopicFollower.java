package org.corridor.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from their start and follows them on a thread of its own (read_committed, no consumer group), handing
 * each record to a callback in order per partition: the way Corridor's services keep a view of a topic in memory and
 * rebuild it on every start. Partitions that appear later (a topic created a moment ago) are picked up within
 * seconds. A record the callback fails on (any exception, or a stack overflow) is logged, counted ({@link #skipped()})
 * and skipped; a retriable Kafka error (a timeout, a moving leader) pauses the follower for a second instead of
 * stopping it; only closing or a non-retriable error stops it ({@link #isRunning()}). {@link #caughtUp()} tells when
 * everything committed before a moment has been handed over. Thread-safe.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final List<String> topics;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean stopped;
    private final AtomicLong skipped = new AtomicLong();

    private record Pending(Map<TopicPartition, Long> end, CompletableFuture<Void> done) {
    }

    /**
     * @param consumerProps Kafka client settings (group settings are removed)
     * @param onRecord      called on the follower's thread for each record
     */
    public TopicFollower(String name, Map<String, Object> consumerProps, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.onRecord = onRecord;
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes once every record committed before this call has been handed to the callback. */
    public CompletableFuture<Void> caughtUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        catchUpRequests.add(done);
        return done;
    }

    /** Blocks until {@link #caughtUp()} completes. */
    public void awaitCaughtUp(Duration timeout) {
        try {
            caughtUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while catching up with " + topics, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": stopped before catching up with " + topics, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": did not catch up with " + topics + " within " + timeout);
        }
    }

    private void run() {
        long[] nextPartitionCheck = {0};
        try {
            while (running) {
                try {
                    step(nextPartitionCheck);
                } catch (RetriableException e) {
                    // A broker moving, a metadata timeout: the view waits and goes on; it never stops for good on one.
                    log.warn("{}: following {} paused: {}; retrying in {}", name, topics, e.toString(), RETRY_PAUSE);
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (WakeupException closing) {
            // close() woke the thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("{} stopped following {}", name, topics, e);
            pending.forEach(p -> p.done().completeExceptionally(e));
            catchUpRequests.forEach(r -> r.completeExceptionally(e));
        } finally {
            stopped = true;
        }
    }

    private void step(long[] nextPartitionCheck) throws InterruptedException {
        if (System.nanoTime() >= nextPartitionCheck[0]) {
            assignNewPartitions();
            nextPartitionCheck[0] = System.nanoTime() + PARTITION_CHECK.toNanos();
        }
        for (CompletableFuture<Void> request; (request = catchUpRequests.poll()) != null; ) {
            assignNewPartitions();
            pending.add(new Pending(consumer.endOffsets(consumer.assignment()), request));
        }
        if (consumer.assignment().isEmpty()) {
            // The topics have no partitions yet (not created, or just created): nothing to read so far.
            pending.forEach(p -> p.done().complete(null));
            pending.clear();
            Thread.sleep(200);
            return;
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            try {
                onRecord.accept(r);
            } catch (RuntimeException | StackOverflowError bad) {
                // One record the view cannot take (a hostile value, a deeply nested one) is skipped, counted and logged.
                skipped.incrementAndGet();
                log.warn("{}: skipping {}-{} offset {}: {}", name, r.topic(), r.partition(), r.offset(), bad.toString());
            }
        }
        pending.removeIf(p -> {
            boolean done = p.end().entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            if (done) {
                p.done().complete(null);
            }
            return done;
        });
    }

    /** How many records the callback failed on and the view skipped, since the start. */
    public long skipped() {
        return skipped.get();
    }

    /** False once the follower has stopped for good (closed, or a non-retriable error): its view no longer moves. */
    public boolean isRunning() {
        return !stopped;
    }

    private void assignNewPartitions() {
        Set<TopicPartition> all = new HashSet<>(consumer.assignment());
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            for (var p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                if (all.add(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
