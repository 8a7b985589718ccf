package org.corridor.producer.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.serde.AvroDeserializer;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A materialised view of {@code alerts.audit} and {@code alerts.receipts}: a reader thread reads both topics from the
 * start (read_committed) and follows them, so the view is rebuilt after every restart from the log, which is its
 * store. Thread-safe.
 */
public final class AlertStatusView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertStatusView.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AlertStatus> alerts = new ConcurrentHashMap<>();
    /** Receipts that arrived before their alert's first decision; only the reader thread touches it. */
    private final Map<String, List<DeliveryReceipt>> early = new HashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<RoutingDecision> decisions;
    private final AvroDeserializer<DeliveryReceipt> receipts;
    private final Thread reader;
    private volatile boolean running = true;

    public AlertStatusView(Map<String, Object> consumerProps, AvroDeserializer<RoutingDecision> decisions,
                           AvroDeserializer<DeliveryReceipt> receipts) {
        this.decisions = decisions;
        this.receipts = receipts;
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "alert-status-view");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The status of an alert, as JSON, when the agency published it. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        AlertStatus status = alerts.get(alertId);
        if (status == null || !status.originAgency.equals(agencyId)) {
            return Optional.empty();
        }
        synchronized (status) {
            return Optional.of(status.toJson(JSON));
        }
    }

    /**
     * Assigns partitions not assigned yet (from the start): topics created a moment ago may not show all their
     * partitions at once, so this runs every few seconds.
     */
    private void assignNewPartitions() {
        java.util.Set<TopicPartition> all = new java.util.HashSet<>(consumer.assignment());
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : List.of(Topics.AUDIT, Topics.RECEIPTS)) {
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

    private void read() {
        try {
            long nextCheck = 0;
            while (running) {
                if (System.nanoTime() >= nextCheck) {
                    assignNewPartitions();
                    nextCheck = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    try {
                        if (r.topic().equals(Topics.AUDIT)) {
                            RoutingDecision d = decisions.deserialize(r.topic(), r.value());
                            apply(d);
                            List<DeliveryReceipt> waiting = early.remove(d.getAlertId().toString());
                            if (waiting != null) {
                                waiting.forEach(this::apply);
                            }
                        } else {
                            apply(receipts.deserialize(r.topic(), r.value()));
                        }
                    } catch (RuntimeException unreadable) {
                        log.warn("Skipping unreadable {} record at offset {}: {}", r.topic(), r.offset(), unreadable.toString());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the reader
        } catch (RuntimeException e) {
            log.error("The alert status view stopped", e);
        }
    }

    private void apply(RoutingDecision d) {
        AlertStatus status = alerts.computeIfAbsent(d.getAlertId().toString(), id -> new AlertStatus(id, d.getOriginAgency()));
        synchronized (status) {
            status.latestVersion = Math.max(status.latestVersion, d.getAlertVersion());
            for (String body : d.getRecipients()) {
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(body, b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.routedVersion) {
                    s.routedVersion = d.getAlertVersion();
                    s.routedAt = d.getDecidedAt();
                }
            }
            for (WithheldBody w : d.getWithheld()) {
                if (w.getReason() == WithholdReason.NOT_CONCERNED) {
                    continue;
                }
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(w.getBody(), b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.withheldVersion) {
                    s.withheldVersion = d.getAlertVersion();
                    s.withheldReason = w.getReason().name();
                    s.withheldDetail = w.getDetail();
                }
            }
        }
    }

    private void apply(DeliveryReceipt r) {
        String id = r.getAlertId().toString();
        AlertStatus status = alerts.get(id);
        if (status == null) {
            // A receipt read before its decision (another topic): keep it until the decision arrives.
            early.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
            return;
        }
        synchronized (status) {
            AlertStatus.BodyState s = status.bodies.computeIfAbsent(r.getBody(), b -> new AlertStatus.BodyState());
            switch (r.getStatus()) {
                case DELIVERED -> {
                    if (r.getAlertVersion() >= s.deliveredVersion) {
                        s.deliveredVersion = r.getAlertVersion();
                        s.deliveredAt = r.getAt();
                    }
                }
                case ACKNOWLEDGED -> s.acknowledgedAt = r.getAt();
                case PARKED -> {
                    if (r.getAlertVersion() >= s.parkedVersion) {
                        s.parkedVersion = r.getAlertVersion();
                        s.parkedAt = r.getAt();
                        s.parkedError = r.getDetail();
                    }
                }
                case ESCALATED -> s.escalatedAt = r.getAt();
                case FAILED -> s.failedAttempts++;
                default -> { }
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
}
