package org.corridor.support.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * rebuild it on every start. Partitions that appear later are picked up within seconds.
 * <ul>
 * <li>A record the callback fails on (any exception, a stack overflow, an assertion)
 * is logged, counted ({@link #skipped()}) and skipped.</li>
 * <li>A retriable Kafka error (a timeout, a moving leader) pauses the follower for a second.</li>
 * <li>Anything else (a non-retriable Kafka error, another {@link Error} from the callback) stops the consumer: the
 * view goes {@link FollowerStatus.State#DOWN DOWN}, and after a {@link RestartBackoff} a new consumer resumes where
 * the old one stopped (no record is handed over twice). The view is UP again once it has caught up. A record that
 * stops the follower twice in a row is skipped and counted the second time, so no record keeps a view down.</li>
 * <li>Only {@link #close()} stops it for good.</li>
 * </ul>
 * {@link #caughtUp()} tells when everything committed before a moment has been handed over.
 * <p>
 * A follower may have <em>leading</em> topics, for a view whose records of one topic usually refer to records of
 * another written earlier (a receipt to its alert's decision): while it catches up, and the leading topics are more
 * than {@value #LEADING_SLACK} records behind, the other topics' partitions are paused, so a view catching up with a
 * long history reads the records referred to first instead of keeping the others aside until they come. Once caught
 * up, it reads all side by side, so no topic ever waits behind a burst of another. Thread-safe.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** How far the leading topics may be behind while the others are read too. */
    static final long LEADING_SLACK = 1_000;

    private final String name;
    private final List<String> topics;
    private final Set<String> leading;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Map<String, Object> props;
    private final RestartBackoff backoff;
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();
    private volatile long lag = -1;
    private final FollowerCheckpoint checkpoint;
    private volatile boolean closing;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile FollowerStatus status = FollowerStatus.starting(Instant.now());

    // Owned by the follower thread, kept across restarts.
    private final List<Pending> pending = new ArrayList<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    /** Positions handed over but not yet reported to the checkpoint. */
    private final Map<TopicPartition, Long> unsaved = new HashMap<>();
    private final RecordFailures failures;
    private Map<TopicPartition, Long> readyAt;
    private boolean upInThisConsumer;

    private record Pending(Map<TopicPartition, Long> end, CompletableFuture<Void> done) {
    }

    /** With {@link RestartBackoff#DEFAULT}. */
    public TopicFollower(String name, Map<String, Object> consumerProps, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        this(name, consumerProps, topics, onRecord, RestartBackoff.DEFAULT);
    }

    /**
     * @param consumerProps Kafka client settings (group settings are removed); a bad one throws here
     * @param onRecord      called on the follower's thread for each record
     */
    public TopicFollower(String name, Map<String, Object> consumerProps, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord, RestartBackoff backoff) {
        this(name, consumerProps, topics, onRecord, backoff, FollowerCheckpoint.NONE);
    }

    /**
     * A follower that resumes where {@code checkpoint} says and reports each poll's progress to it, for a view kept
     * on disk ({@code org.corridor.support.state.StoreFollower}).
     */
    public TopicFollower(String name, Map<String, Object> consumerProps, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord, RestartBackoff backoff,
                         FollowerCheckpoint checkpoint) {
        this(name, consumerProps, topics, onRecord, backoff, checkpoint, Set.of());
    }

    /**
     * @param leading topics (of {@code topics}) read before the others whenever they are more than
     *                {@value #LEADING_SLACK} records behind
     */
    public TopicFollower(String name, Map<String, Object> consumerProps, List<String> topics,
                         Consumer<ConsumerRecord<String, byte[]>> onRecord, RestartBackoff backoff,
                         FollowerCheckpoint checkpoint, Set<String> leading) {
        if (!topics.containsAll(leading)) {
            throw new IllegalArgumentException(name + ": leading topics " + leading + " are not all among " + topics);
        }
        this.leading = Set.copyOf(leading);
        this.name = name;
        this.checkpoint = checkpoint;
        this.next.putAll(checkpoint.resumeAt());
        this.topics = List.copyOf(topics);
        this.onRecord = onRecord;
        this.backoff = backoff;
        this.failures = new RecordFailures(name);
        Map<String, Object> p = new HashMap<>(consumerProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The classic consumer: the new one (group.protocol=consumer) spins while paused partitions hold fetched data
        // (KAFKA-21084), and a follower pauses partitions (leading topics).
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        // A restarted consumer resumes at its last positions; if retention removed them, the oldest record left is next.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.props = Map.copyOf(p);
        this.consumer = newConsumer();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public String name() {
        return name;
    }

    /** What the view is worth now: STARTING, UP, DOWN (with the reason) or CLOSED. */
    public FollowerStatus status() {
        return status;
    }

    /** How many records the view skipped since the start (the callback failed on them). */
    public long skipped() {
        return skipped.get();
    }

    /** How many records were handed to the view since the start (a resumed view: only those after its checkpoint). */
    public long handed() {
        return handed.get();
    }

    /** False once closed; a follower that stopped on an error is still running: it restarts. */
    public boolean isRunning() {
        return status.state() != FollowerStatus.State.CLOSED;
    }

    /** Completes once every record committed before this call has been handed to the callback (across restarts). */
    public CompletableFuture<Void> caughtUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        catchUpRequests.add(done);
        return done;
    }

    /**
     * Records of the followed topics not handed over yet, as of the last poll (the consumer's own lag, no request to the
     * cluster); -1 until a poll has told.
     */
    public long lag() {
        return lag;
    }

    /**
     * Blocks until {@link #caughtUp()} completes, for as long as the view keeps reading: a store rebuilt from a long
     * topic may take minutes, a view that reads nothing for {@code stall} has stopped. Logs its progress every ten
     * seconds.
     *
     * @throws IllegalStateException when nothing was handed over for {@code stall}, or the follower closed
     */
    public void awaitCaughtUpWhileReading(Duration stall) {
        CompletableFuture<Void> done = caughtUp();
        long seen = handed.get();
        long progressAt = System.nanoTime();
        long reportedAt = progressAt;
        while (!caughtUpWithin(done, Duration.ofSeconds(1))) {
            long now = System.nanoTime();
            long h = handed.get();
            if (h != seen) {
                seen = h;
                progressAt = now;
            } else if (now - progressAt >= stall.toNanos()) {
                throw new IllegalStateException(name + ": did not catch up with " + topics + ": nothing read for "
                        + stall + " (" + status + ")");
            }
            if (now - reportedAt >= TimeUnit.SECONDS.toNanos(10)) {
                reportedAt = now;
                log.info("{}: catching up with {}: {} records read so far, {} to go", name, topics, h, lag);
            }
        }
    }

    /** Blocks until {@link #caughtUp()} completes. */
    public void awaitCaughtUp(Duration timeout) {
        if (!caughtUpWithin(caughtUp(), timeout)) {
            throw new IllegalStateException(name + ": did not catch up with " + topics + " within " + timeout
                    + " (" + status + ")");
        }
    }

    /** Whether {@code done} completed within {@code timeout}; an interrupt or a closed follower throws. */
    private boolean caughtUpWithin(CompletableFuture<Void> done, Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while catching up with " + topics, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": closed before catching up with " + topics, e.getCause());
        } catch (TimeoutException e) {
            return false;
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void run() {
        int attempt = 0;
        KafkaConsumer<String, byte[]> current = consumer;
        try {
            while (true) {
                Duration wait;
                try {
                    if (current == null) {
                        current = newConsumer();
                        consumer = current;
                        status = status.restarted();
                        log.info("{}: restarted following {}", name, topics);
                    }
                    if (!closing) {
                        follow(current);
                    }
                    return;
                } catch (WakeupException closingNow) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | Error e) {
                    if (closing) {
                        return;
                    }
                    attempt = upInThisConsumer ? 1 : attempt + 1;
                    wait = backoff.delay(attempt);
                    status = status.stopped(RecordFailures.reason(e), Instant.now());
                    log.error("{} stopped following {}; restarting in {}", name, topics, wait, e);
                } finally {
                    closeQuietly(current);
                    current = null;
                    upInThisConsumer = false;
                    readyAt = null;
                }
                if (closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            status = status.closed(Instant.now());
            IllegalStateException why = new IllegalStateException(name + " closed");
            pending.forEach(p -> p.done().completeExceptionally(why));
            catchUpRequests.forEach(r -> r.completeExceptionally(why));
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) throws InterruptedException {
        long nextPartitionCheck = 0;
        while (!closing) {
            try {
                if (System.nanoTime() >= nextPartitionCheck) {
                    assignNewPartitions(c);
                    if (!leading.isEmpty()) {
                        steer(c);
                    }
                    nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
                }
                step(c);
            } catch (RetriableException e) {
                // A broker moving, a metadata timeout: the view waits and goes on; it never stops for one.
                log.warn("{}: following {} paused: {}; retrying in {}", name, topics, e.toString(), RETRY_PAUSE);
                if (closed.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    private void step(KafkaConsumer<String, byte[]> c) throws InterruptedException {
        if (readyAt == null) {
            readyAt = c.endOffsets(c.assignment());
        }
        for (CompletableFuture<Void> request; (request = catchUpRequests.poll()) != null; ) {
            assignNewPartitions(c);
            pending.add(new Pending(c.endOffsets(c.assignment()), request));
        }
        if (c.assignment().isEmpty()) {
            // The topics have no partitions yet (not created, or just created): nothing to read so far.
            pending.forEach(p -> p.done().complete(null));
            pending.clear();
            lag = 0;
            caughtUpNow();
            Thread.sleep(200);
            return;
        }
        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> r : records) {
            if (!failures.hand(r, onRecord)) {
                skipped.incrementAndGet();
            }
            handed.incrementAndGet();
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            next.put(tp, r.offset() + 1);
            unsaved.put(tp, r.offset() + 1);
        }
        if (!unsaved.isEmpty()) {
            // Also after a failed attempt (the follower restarted): nothing counts as caught up before it is saved.
            checkpoint.handled(new HashMap<>(unsaved));
            unsaved.clear();
        }
        lag = lag(c);
        if (!leading.isEmpty()) {
            steer(c);
        }
        pending.removeIf(p -> {
            boolean done = reached(c, p.end());
            if (done) {
                p.done().complete(null);
            }
            return done;
        });
        if (!upInThisConsumer && reached(c, readyAt)) {
            caughtUpNow();
        }
    }

    /**
     * Until the view has caught up (in this consumer), pauses the partitions of the topics that do not lead while the
     * leading ones are more than {@value #LEADING_SLACK} records behind, or their lag is not known yet (the leading
     * partitions are fetched, so it soon is), and resumes them otherwise; once caught up, reads all side by side.
     */
    private void steer(KafkaConsumer<String, byte[]> c) {
        if (upInThisConsumer) {
            // Caught up: from now on the topics are read side by side, so none waits behind a burst of another.
            if (!c.paused().isEmpty()) {
                c.resume(c.paused());
            }
            return;
        }
        long behind = 0;
        List<TopicPartition> others = new ArrayList<>();
        for (TopicPartition tp : c.assignment()) {
            if (leading.contains(tp.topic())) {
                behind += c.currentLag(tp).orElse(LEADING_SLACK + 1);
            } else {
                others.add(tp);
            }
        }
        if (behind > LEADING_SLACK) {
            c.pause(others);
        } else if (!c.paused().isEmpty()) {
            c.resume(c.paused());
        }
    }

    /** The sum of the assigned partitions' lags, or the last known figure while a partition's is not known yet. */
    private long lag(KafkaConsumer<String, byte[]> c) {
        long sum = 0;
        for (TopicPartition tp : c.assignment()) {
            java.util.OptionalLong l = c.currentLag(tp);
            if (l.isEmpty()) {
                return lag;
            }
            sum += l.getAsLong();
        }
        return sum;
    }

    private void caughtUpNow() {
        if (!upInThisConsumer) {
            upInThisConsumer = true;
            FollowerStatus before = status;
            status = before.caughtUp(Instant.now());
            if (before.state() == FollowerStatus.State.DOWN) {
                log.info("{}: caught up with {} again after {} restart(s)", name, topics, before.restarts());
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.assignment().contains(e.getKey())
                && c.position(e.getKey()) >= e.getValue());
    }

    private void assignNewPartitions(KafkaConsumer<String, byte[]> c) {
        Set<TopicPartition> all = new HashSet<>(c.assignment());
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            for (var p : c.partitionsFor(topic, Duration.ofSeconds(10))) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                if (all.add(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            c.assign(all);
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition tp : added) {
                Long resume = next.get(tp);
                if (resume == null) {
                    fromStart.add(tp);
                } else {
                    c.seek(tp, resume);
                }
            }
            if (!fromStart.isEmpty()) {
                // An empty list would mean every assigned partition, the resumed ones too.
                c.seekToBeginning(fromStart);
            }
        }
    }

    private void closeQuietly(KafkaConsumer<String, byte[]> c) {
        if (c == null) {
            return;
        }
        try {
            c.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("{}: closing the consumer failed: {}", name, e.toString());
        }
    }

    /** Stops the follower for good; the view no longer moves. Waits up to ten seconds for its thread. */
    @Override
    public void close() {
        closing = true;
        try {
            consumer.wakeup();
        } catch (RuntimeException alreadyClosed) {
            // between two consumers: the thread sees closing before it opens the next one
        }
        closed.countDown();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
