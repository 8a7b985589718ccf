package org.corridor.registry.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.registry.RegistryProperties;
import org.corridor.registry.core.LogRecord;
import org.corridor.registry.core.RegistryException;
import org.corridor.registry.core.RegistryState;
import org.corridor.registry.core.SchemaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log in Kafka. A reader thread applies every committed record to the state, in order; writes go through a
 * transactional producer whose id is shared by all instances, so a newly started instance fences the older ones and
 * there is only ever one writer. A write returns once the reader has applied it (read-your-writes).
 */
public final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final RegistryProperties properties;
    private final RegistryState state;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private final Thread reader;
    private final Object progress = new Object();
    private long position;          // next offset the reader will read; guarded by progress
    private volatile RuntimeException readerFailure;
    private final AtomicLong skipped = new AtomicLong();

    public KafkaSchemaLog(RegistryProperties properties, RegistryState state, Map<String, Object> producerProps,
                          Map<String, Object> consumerProps, Map<String, Object> adminProps) {
        this.properties = properties;
        this.state = state;
        this.partition = new TopicPartition(properties.topic(), 0);
        this.admin = Admin.create(adminProps);
        TopicSetup.ensure(admin, properties);
        Map<String, Object> p = new HashMap<>(producerProps);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.writerId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Map<String, Object> c = new HashMap<>(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::read, "schema-log-reader");
        this.reader.setDaemon(true);
    }

    /** Starts the writer and the reader, and returns once the whole log has been read. */
    public void start() {
        producer.initTransactions();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        reader.start();
        awaitApplied(endOffset(), properties.initTimeout());
        log.info("Schema registry state loaded from {} up to offset {}", properties.topic(), currentPosition());
    }

    @Override
    public void catchUp() {
        awaitApplied(endOffset(), properties.writeTimeout());
    }

    @Override
    public void append(List<LogRecord> records) {
        long last;
        try {
            producer.beginTransaction();
            long offset = -1;
            for (LogRecord r : records) {
                offset = producer.send(new ProducerRecord<>(properties.topic(), 0, r.key(), r.value())).get().offset();
            }
            producer.commitTransaction();
            last = offset;
        } catch (ProducerFencedException e) {
            throw new RegistryException(500, 50004, "This registry instance is no longer the writer: another instance "
                    + "with writer id '" + properties.writerId() + "' took over writes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortQuietly();
            throw RegistryException.storeError("interrupted while writing", e);
        } catch (ExecutionException | KafkaException e) {
            abortQuietly();
            throw RegistryException.storeError("write to " + properties.topic() + " failed: " + e.getMessage(), e);
        }
        awaitApplied(last + 1, properties.writeTimeout());
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            log.warn("Could not abort the registry write transaction: {}", e.toString());
        }
    }

    private void read() {
        long restartWait = 1_000;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                readUntilStopped();
                return;
            } catch (WakeupException closing) {
                return; // close() woke the reader up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Not retriable by Kafka's account (an ACL removed, say): DOWN in health, and read again after a
                // pause from where it had got to, until it works again. Only close() stops the reader for good.
                readerFailure = e;
                log.error("Schema registry log reader stopped; restarting in {} ms", restartWait, e);
                synchronized (progress) {
                    progress.notifyAll();
                }
                try {
                    Thread.sleep(restartWait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                restartWait = Math.min(60_000, restartWait * 2);
                try {
                    consumer.seek(partition, currentPosition());
                } catch (RuntimeException seekFailed) {
                    log.warn("Schema registry log reader cannot seek back yet: {}", seekFailed.toString());
                }
            }
        }
    }

    private void readUntilStopped() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            ConsumerRecords<String, String> records;
            try {
                records = consumer.poll(Duration.ofMillis(200));
            } catch (RetriableException e) {
                // A broker moving, a metadata timeout: reading waits and goes on; it never stops for one.
                log.warn("Schema registry log reader paused: {}; retrying in 1 s", e.toString());
                Thread.sleep(1_000);
                continue;
            }
            for (ConsumerRecord<String, String> r : records) {
                try {
                    state.apply(new LogRecord(r.key(), r.value()));
                } catch (RuntimeException | StackOverflowError | AssertionError bad) {
                    // Anyone who can write _schemas can write anything: a record the state cannot take is skipped.
                    skipped.incrementAndGet();
                    log.error("Skipping unreadable registry log record at offset {}: {}", r.offset(), bad.toString());
                }
            }
            long next = consumer.position(partition);
            synchronized (progress) {
                position = next;
                progress.notifyAll();
            }
            if (readerFailure != null) {
                log.info("Schema registry log reader reads again from offset {}", next);
                readerFailure = null;
            }
        }
    }

    /** Records of the log the state could not take and skipped, since the start. */
    public long skipped() {
        return skipped.get();
    }

    /** Why the reader stopped (a non-retriable error; it restarts after a pause), or null while it reads. */
    public String readerFailure() {
        RuntimeException failure = readerFailure;
        return failure == null ? null : failure.toString();
    }

    /** The next offset the reader will read. */
    public long position() {
        return currentPosition();
    }

    private long endOffset() {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted reading the end of " + properties.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryException.storeError("cannot read the end offset of " + properties.topic() + ": " + e, e);
        }
    }

    private long currentPosition() {
        synchronized (progress) {
            return position;
        }
    }

    private void awaitApplied(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (position < offset) {
                if (readerFailure != null) {
                    throw RegistryException.storeError("the log reader stopped: " + readerFailure, readerFailure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RegistryException(500, 50002, "Operation timed out: the registry log was not read up to "
                            + "offset " + offset + " within " + timeout);
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("interrupted while waiting for the log", e);
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
