package org.corridor.support.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.InboxDeliveryStatus;
import org.corridor.schemas.registry.SchemaRegistryUnavailableException;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one party's inbox into its {@link InboxSink}, on a thread of its own, reading as the party's own principal
 * in the group {@code <principal>.inbox} (read_committed). Each poll's responses go to the sink in order; a receipt
 * for each outcome goes to {@link Topics#INBOX_RECEIPTS}; the offsets are committed only after the sink has the
 * responses and the broker has their receipts (at-least-once: receivers de-duplicate by {@code Idempotency-Key}, the
 * response id).
 * <ul>
 * <li>A response the sink could not take now (a webhook down, a full disk) gets a FAILED receipt; the inbox is
 * rewound to it and tried again after a backoff, doubled up to {@code maxBackoff}, without end, so the responses
 * after it wait and arrive in order.</li>
 * <li>A response the receiver refused (a 4xx other than 408/429) gets a REFUSED receipt with the reason and is not
 * tried again; it stays readable over REST.</li>
 * <li>A record that does not decode is skipped with a warning and counted (the router wrote it, so this is a
 * defect, never a party's doing); one that cannot be decoded because the registry is unreachable is tried again.</li>
 * <li>Any other error (the broker away, ACLs not there yet) closes the consumer and starts a new one after the
 * backoff; only {@link #close()} stops it.</li>
 * </ul>
 * Counts every outcome in {@value #DELIVERIES} (tags {@code party}, {@code outcome}). Thread-safe.
 */
public final class InboxDelivery implements AutoCloseable {

    /** Responses delivered from inboxes, by {@code party} and {@code outcome} (delivered, failed, refused, undecodable). */
    public static final String DELIVERIES = "corridor.inbox.deliveries";

    private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Topics.Party party;
    private final Map<String, Object> props;
    private final AvroDeserializer<AlertResponse> reader;
    private final InboxSink sink;
    private final InboxReceipts receipts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Map<String, Counter> counters = new HashMap<>();
    private final MeterRegistry meters;
    private final Thread thread;
    /** Attempts so far of the response the sink could not take, by response id (one at a time). */
    private final Map<String, Integer> attempts = new HashMap<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closing;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Duration wait;

    /**
     * @param consumerProps the party's own consumer settings (its principal on a secured broker)
     * @param backoff       first wait after a failure
     * @param maxBackoff    longest wait (keep it well under {@code max.poll.interval.ms})
     */
    public InboxDelivery(Topics.Party party, Map<String, Object> consumerProps, AvroDeserializer<AlertResponse> reader,
                         InboxSink sink, InboxReceipts receipts, Duration backoff, Duration maxBackoff, MeterRegistry meters) {
        this.party = party;
        Map<String, Object> p = new HashMap<>(consumerProps);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group(party));
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A poll's deliveries must end well inside max.poll.interval.ms, or the group would take the partitions away
        // before the commit and the same responses would be delivered again and again.
        long interval = Long.parseLong(String.valueOf(p.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)));
        long item = Math.max(1, sink.itemTimeout().toMillis());
        if (item > interval / 2) {
            throw new IllegalArgumentException(party + ": one delivery may take " + sink.itemTimeout() + ", more than half of "
                    + "max.poll.interval.ms (" + interval + " ms); give the webhook a shorter timeout");
        }
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, (int) Math.max(1, Math.min(100, interval / 2 / item)));
        this.props = Map.copyOf(p);
        this.reader = reader;
        this.sink = sink;
        this.receipts = receipts;
        if (backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException(party + ": the retry backoff must be positive, was " + backoff);
        }
        this.backoff = backoff;
        this.maxBackoff = maxBackoff.compareTo(Duration.ofMillis(interval / 4)) > 0 ? Duration.ofMillis(interval / 4) : maxBackoff;
        this.wait = backoff;
        this.meters = meters;
        this.thread = new Thread(this::run, "inbox-" + party.name());
        this.thread.setDaemon(true);
    }

    /** The group an inbox is delivered by: {@code <principal>.inbox}, within the party's own group prefix. */
    public static String group(Topics.Party party) {
        return party.name() + ".inbox";
    }

    /** Starts delivering; returns at once. */
    public InboxDelivery start() {
        log.info("{}: delivering {} to {}", party, party.inbox(), sink);
        thread.start();
        return this;
    }

    public Topics.Party party() {
        return party;
    }

    private void run() {
        while (!closing) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                if (closing) {
                    return;
                }
                c.subscribe(List.of(party.inbox()));
                while (!closing) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    if (!records.isEmpty() && !deliver(c, records)) {
                        pause();
                    }
                }
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (RuntimeException e) {
                if (closing) {
                    return;
                }
                log.warn("{}: inbox delivery stopped, a new consumer starts in {}: {}{}", party, wait, e.toString(),
                        e.getCause() == null ? "" : " (" + e.getCause() + ")");
                pause();
            }
        }
    }

    /** Delivers a poll; false when it stopped short (the inbox was rewound to what is tried again). */
    private boolean deliver(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<InboxItem> items = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            AlertResponse response;
            try {
                response = r.value() == null ? null : reader.deserialize(r.topic(), r.value());
            } catch (SchemaRegistryUnavailableException e) {
                log.warn("{}: the schema registry is unreachable; the inbox is read again in {}: {}", party, wait, e.getMessage());
                rewind(c, records, List.of(), records.records(new TopicPartition(r.topic(), r.partition())).get(0));
                return false;
            } catch (SerializationException e) {
                response = null;
            }
            if (response == null) {
                log.warn("{}: skipped {}-{}@{}, which does not decode as a response", party, r.topic(), r.partition(), r.offset());
                count("undecodable");
                continue;
            }
            items.add(new InboxItem(party, response, r));
        }
        InboxSink.Result result = sink.deliver(items);
        if (result.failure() == null && result.outcomes().size() != items.size()) {
            throw new IllegalStateException(sink + " gave " + result.outcomes().size() + " outcomes for " + items.size()
                    + " responses and no failure");
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < result.outcomes().size(); i++) {
            InboxItem item = items.get(i);
            InboxSink.Outcome outcome = result.outcomes().get(i);
            int attempt = attempts.getOrDefault(item.idempotencyKey(), 0) + 1;
            attempts.remove(item.idempotencyKey());
            sent.add(receipts.send(item, outcome.delivered() ? InboxDeliveryStatus.DELIVERED : InboxDeliveryStatus.REFUSED,
                    attempt, outcome.detail()));
            count(outcome.delivered() ? "delivered" : "refused");
            if (!outcome.delivered()) {
                log.warn("{}: response {} refused: {}", party, item.idempotencyKey(), outcome.detail());
            }
        }
        InboxItem failed = result.failure() == null ? null : items.get(result.outcomes().size());
        if (failed != null) {
            int attempt = attempts.merge(failed.idempotencyKey(), 1, Integer::sum);
            sent.add(receipts.send(failed, InboxDeliveryStatus.FAILED, attempt, result.failure().getMessage()));
            count("failed");
            log.warn("{}: response {} not delivered (attempt {}), tried again in {}: {}", party, failed.idempotencyKey(),
                    attempt, wait, result.failure().getMessage());
        }
        // Their receipts are on the broker before the offsets of what they confirm are committed.
        receipts.confirm(sent);
        List<InboxItem> delivered = items.subList(0, result.outcomes().size());
        for (InboxItem item : delivered) {
            ConsumerRecord<String, byte[]> r = item.source();
            done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        if (failed == null) {
            // Skipped records count as done too: every partition of the poll moves to its end.
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> of = records.records(tp);
                done.put(tp, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
            }
            commit(c, done);
            wait = backoff;
            return true;
        }
        commit(c, done);
        rewind(c, records, delivered, failed.source());
        return false;
    }

    private static void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            c.commitSync(done);
        }
    }

    /**
     * Seeks each partition of the poll back to its first record not delivered: the failed one for its partition,
     * the first one of the others (whose records come after it in the poll, so none is delivered out of turn).
     */
    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records,
                               List<InboxItem> delivered, ConsumerRecord<String, byte[]> from) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (InboxItem item : delivered) {
            next.put(new TopicPartition(item.source().topic(), item.source().partition()), item.source().offset() + 1);
        }
        next.put(new TopicPartition(from.topic(), from.partition()), from.offset());
        for (TopicPartition tp : records.partitions()) {
            long first = records.records(tp).get(0).offset();
            c.seek(tp, next.getOrDefault(tp, first));
        }
    }

    private void pause() {
        try {
            closed.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
        wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
    }

    private void count(String outcome) {
        counters.computeIfAbsent(outcome, o -> Counter.builder(DELIVERIES).description("Responses delivered from inboxes, by outcome")
                .tag("party", party.name()).tag("outcome", o).register(meters)).increment();
    }

    /**
     * Stops delivering: the poll under way is finished (delivered, receipts written, committed) unless that takes
     * longer than 10 s, when the thread is interrupted and what it had not committed is delivered again by the next
     * start. Then closes the sink.
     */
    @Override
    public void close() {
        stop();
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                KafkaConsumer<String, byte[]> c = consumer;
                if (c != null) {
                    c.wakeup();
                }
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("{}: its inbox delivery did not stop; its sink is left open", party);
            return;
        }
        try {
            sink.close();
        } catch (Exception e) {
            log.warn("{}: closing its inbox sink failed: {}", party, e.getMessage());
        }
    }

    /** Asks the delivery to stop after the poll under way; returns at once ({@link #close()} waits). */
    void stop() {
        closing = true;
        closed.countDown();
    }
}
