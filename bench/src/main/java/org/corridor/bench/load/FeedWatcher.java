package org.corridor.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.schemas.topics.Topics;

/**
 * Reads every feed and the audit topic (read_committed) from where they ended when it started, on a thread of its
 * own. A feed record of one of this run's alerts is timed against the alert's intended send time; a routing
 * decision adds its recipients to the feed records to expect. Given no bodies it reads only the audit: the decisions
 * are counted and no feed record is expected.
 */
public final class FeedWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> intended;
    private final AvroDeserializer<RoutingDecision> decisions;
    private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    private final AtomicLong feedRecords = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong allDecisions = new AtomicLong();
    private final Thread thread;
    private final boolean watchesFeeds;
    private volatile boolean running = true;
    private volatile long lastFeedRecordNanos;

    /**
     * @param client   Kafka client settings of a principal that may read the feeds and the audit
     * @param intended alert id to its intended send time (System.nanoTime), filled in by the publisher
     */
    public FeedWatcher(Map<String, Object> client, List<String> bodies, Map<String, Long> intended,
                AvroDeserializer<RoutingDecision> decisions) {
        this.intended = intended;
        this.decisions = decisions;
        this.watchesFeeds = !bodies.isEmpty();
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(bodies.stream().map(Topics::feed).toList());
        topics.add(Topics.AUDIT);
        for (String t : topics) {
            consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "feed-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                if (r.topic().equals(Topics.AUDIT)) {
                    allDecisions.incrementAndGet();
                    if (r.key() != null && intended.containsKey(r.key())) {
                        RoutingDecision d = decisions.deserialize(r.topic(), r.value());
                        expected.addAndGet(watchesFeeds ? d.getRecipients().size() : 0);
                        decided.incrementAndGet();
                    }
                    continue;
                }
                Long sent = r.key() == null ? null : intended.get(r.key());
                if (sent != null) {
                    synchronized (latencyMicros) {
                        latencyMicros.recordValue(Math.max(0, (now - sent) / 1_000));
                    }
                    feedRecords.incrementAndGet();
                    lastFeedRecordNanos = now;
                }
            }
        }
        consumer.close();
    }

    public long feedRecords() {
        return feedRecords.get();
    }

    public long expected() {
        return expected.get();
    }

    /** Routing decisions seen since the watcher started, of any alert (the warm-up's too). */
    public long allDecisions() {
        return allDecisions.get();
    }

    public long decided() {
        return decided.get();
    }

    public long lastFeedRecordNanos() {
        return lastFeedRecordNanos;
    }

    public Histogram latency() {
        synchronized (latencyMicros) {
            return latencyMicros.copy();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    /** A watcher of every body's feed, reading the routing decisions with the platform's registry settings. */
    public static FeedWatcher ofAllBodies(org.corridor.support.security.ClientConfigFile client, Map<String, Long> intended) {
        return of(client, intended, true);
    }

    /** With {@code feeds} false, a watcher of the routing decisions only. */
    public static FeedWatcher of(org.corridor.support.security.ClientConfigFile client, Map<String, Long> intended, boolean feeds) {
        AvroDeserializer<RoutingDecision> decisions = org.corridor.support.serde.Serdes.reader(
                new org.corridor.support.registry.CachingSchemaRegistryClient(
                        org.corridor.support.registry.RegistryClientConfig.from(client.serde())), RoutingDecision.class);
        return new FeedWatcher(client.kafka(), feeds ? List.copyOf(org.corridor.schemas.reference.ReferenceData.defaults().bodyIds())
                : List.of(), intended, decisions);
    }

    public static Map<String, Long> newIntendedMap() {
        return new ConcurrentHashMap<>();
    }
}
