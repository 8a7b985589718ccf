package org.corridor.bench.fanout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;

/**
 * The bare exactly-once fan-out: a read_committed consumer in a group of its own replays the inbound topics from the
 * beginning; for each poll a transactional, idempotent producer (acks=all) writes every record's copies (the inbound
 * bytes, headers of the router's names and about its sizes), one audit-sized and one recipients-sized record per
 * record, and the poll's offsets (sendOffsetsToTransaction), then commits, as the router does per poll batch. No
 * decoding, no decision. Runs on the caller's thread until it has consumed up to the inbound topics' ends as they
 * were when it started. Not thread-safe; one run per instance.
 */
final class FanoutPipeline {

    /** What one replay did, with {@link System#nanoTime} instants. */
    record Run(long inboundRecords, long feedCopies, long otherRecords, long transactions, long firstPollNanos,
               long lastCommitNanos) {
    }

    private final Map<String, Object> client;
    private final RouterClientSettings router;
    private final List<String> inbound;
    private final CopyPlan plan;
    private final byte[] auditValue;
    private final byte[] recipientsValue;
    private final int auditPartitions;

    FanoutPipeline(Map<String, Object> client, RouterClientSettings router, List<String> inboundTopics, CopyPlan plan,
                   int auditBytes, int recipientsBytes, int auditPartitions) {
        this.client = client;
        this.router = router;
        this.inbound = List.copyOf(inboundTopics);
        this.plan = plan;
        this.auditValue = filler(auditBytes);
        this.recipientsValue = filler(recipientsBytes);
        this.auditPartitions = auditPartitions;
    }

    Run run(Duration timeout) {
        String id = "bench-fanout-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(id), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(id), new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            Map<TopicPartition, Long> end = committedEnds();
            consumer.subscribe(inbound);
            long n = 0;
            long copies = 0;
            long transactions = 0;
            long first = 0;
            long last = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!consumedTo(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the fan-out did not reach the inbound topics' ends within " + timeout);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                if (first == 0) {
                    first = System.nanoTime();
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    List<Header> headers = headers(r);
                    for (String body : plan.bodiesFor(n)) {
                        producer.send(new ProducerRecord<>(FanoutTopics.feed(body), null, r.timestamp(), r.key(), r.value(), headers));
                        copies++;
                    }
                    producer.send(new ProducerRecord<>(FanoutTopics.AUDIT, r.partition() % auditPartitions, r.key(), auditValue));
                    producer.send(new ProducerRecord<>(FanoutTopics.RECIPIENTS, r.key(), recipientsValue));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    n++;
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                transactions++;
                last = System.nanoTime();
            }
            return new Run(n, copies, 2 * n, transactions, first, last);
        }
    }

    /**
     * Where the inbound topics' committed records end now (their last stable offsets), asked of the admin client: the
     * consumer's own endOffsets before its first assignment makes it warn of every partition it is not assigned yet.
     */
    private Map<TopicPartition, Long> committedEnds() {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(inbound).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the inbound topics' ends", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the inbound topics' ends: " + e, e);
        }
    }

    private static boolean consumedTo(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        if (!consumer.assignment().containsAll(end.keySet())) {
            return end.values().stream().allMatch(e -> e == 0) && !consumer.assignment().isEmpty();
        }
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The router's feed headers: the origin agency, a trace id, the TLP and the matched rules, of like sizes. */
    private static List<Header> headers(ConsumerRecord<String, byte[]> r) {
        Header trace = r.headers().lastHeader(Headers.TRACE_ID);
        return List.of(
                new RecordHeader(Headers.ORIGIN_AGENCY, bytes(Topics.agencyOf(r.topic()))),
                trace != null ? new RecordHeader(Headers.TRACE_ID, trace.value()) : new RecordHeader(Headers.TRACE_ID, bytes(UUID.randomUUID().toString())),
                new RecordHeader(Headers.TLP, bytes("AMBER")),
                new RecordHeader(Headers.MATCHED_RULES, bytes("transit-country,substance-category")));
    }

    private Map<String, Object> consumerProps(String group) {
        Map<String, Object> p = new HashMap<>(client);
        p.putAll(router.consumer());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    private Map<String, Object> producerProps(String transactionalId) {
        Map<String, Object> p = new HashMap<>(client);
        p.putAll(router.producer());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Not compressible to nothing, should a codec be set: a repeating run of letters. */
    private static byte[] filler(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }
}
