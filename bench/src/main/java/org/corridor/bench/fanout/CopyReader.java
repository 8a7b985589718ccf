package org.corridor.bench.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the fan-out's feed and audit topics read_committed from where they ended when it started, on a thread of its
 * own, as the load generator's FeedWatcher reads the router's: the copies counted here are those a reader really saw
 * committed, and the instant of the last one ends the measured interval, as it does for the router's figure.
 */
final class CopyReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong copies = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastCopyNanos;

    CopyReader(Map<String, Object> client, List<String> feedTopics) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(feedTopics);
        topics.add(FanoutTopics.AUDIT);
        for (String t : topics) {
            consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "fanout-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                if (!r.topic().equals(FanoutTopics.AUDIT)) {
                    copies.incrementAndGet();
                    lastCopyNanos = System.nanoTime();
                }
            }
        }
        consumer.close();
    }

    long copies() {
        return copies.get();
    }

    long lastCopyNanos() {
        return lastCopyNanos;
    }

    /** Waits until the reader has seen this many copies, or the timeout passed. */
    boolean await(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (copies.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return copies.get() >= expected;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
