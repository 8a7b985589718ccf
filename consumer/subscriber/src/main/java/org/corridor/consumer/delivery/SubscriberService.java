package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One listener container per body, each in its own consumer group ({@code corridor-subscriber-<body>}), reading
 * the body's feed read_committed, a poll's records at a time. The offsets of a poll are committed only after the sink
 * confirmed all of them and their DELIVERED receipts are on the broker (at-least-once: a crash before the commit
 * delivers that poll's records again, with the same idempotency key for the receiver to de-duplicate). A file sink
 * makes a whole poll durable with one fsync. A sink failure is retried with exponential backoff, without end.
 */
public final class SubscriberService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriberService.class);

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private final Receipts receipts;
    private final AvroDeserializer<TraffickingAlert> alerts;
    private volatile boolean running;

    /** How one body's records are delivered: true once delivered, false once parked. */
    @FunctionalInterface
    public interface BodyDelivery {
        boolean deliver(ConsumerRecord<String, byte[]> record, Delivery delivery) throws java.io.IOException;

        /** Delivers a poll's records in order; per record, true once delivered, false once parked. */
        default boolean[] deliverAll(List<ConsumerRecord<String, byte[]>> records, List<Delivery> deliveries)
                throws java.io.IOException {
            boolean[] delivered = new boolean[records.size()];
            for (int i = 0; i < records.size(); i++) {
                delivered[i] = deliver(records.get(i), deliveries.get(i));
            }
            return delivered;
        }

        /** Before an operator's re-drive: forget earlier failures (closes a circuit breaker). */
        default void reset() {
        }
    }

    private final Map<String, BodyDelivery> deliveries;

    private final Deadlines deadlines;
    private final MeterRegistry meters;

    /** From an alert's publication (the feed record keeps the inbound record's timestamp) to the sink's confirmation. */
    public static final String DELIVERY_LATENCY = "corridor.subscriber.delivery.latency";

    private final Map<String, Object> consumerProps;
    private final Map<String, Map<String, Object>> bodyClients;

    /**
     * @param instanceId  this process's name; the static member id of each body's consumer is derived from it
     * @param bodyClients per body, client settings that replace the service's own when reading that body's feed
     *                    (its SCRAM principal on a secured broker); bodies without an entry use the service's
     */
    public SubscriberService(String instanceId, Map<String, Object> consumerProps, Map<String, Map<String, Object>> bodyClients,
                             Map<String, BodyDelivery> deliveries, AvroDeserializer<TraffickingAlert> alerts,
                             Receipts receipts, Deadlines deadlines, MeterRegistry meters) {
        this.meters = meters;
        this.bodyClients = Map.copyOf(bodyClients);
        this.deliveries = Map.copyOf(deliveries);
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.receipts = receipts;
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        this.consumerProps = java.util.Collections.unmodifiableMap(props);
        for (String body : deliveries.keySet()) {
            Map<String, Object> feedConsumer = consumerProps(body);
            // Static membership: a restarted process takes the body's partitions back at once (no session timeout).
            feedConsumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + body.toLowerCase(java.util.Locale.ROOT));
            DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(feedConsumer,
                    new StringDeserializer(), new ByteArrayDeserializer());
            ContainerProperties cp = new ContainerProperties(Topics.feed(body));
            cp.setGroupId("corridor-subscriber-" + body.toLowerCase().replace('_', '-'));
            cp.setAckMode(ContainerProperties.AckMode.BATCH);
            // Feeds are written in transactions: after the last record comes a commit marker. Without this the group
            // commits the offset before the marker, shows a lag of 1 for ever, and the monitor would call it stopped.
            cp.setFixTxOffsets(true);
            // An authorization error (ACLs not there yet, a rotated password) is retried instead of stopping the body.
            cp.setAuthExceptionRetryInterval(Duration.ofSeconds(10));
            BodyDelivery delivery = deliveries.get(body);
            cp.setMessageListener((BatchMessageListener<String, byte[]>) records -> deliverPoll(body, delivery, records));
            ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(factory, cp);
            container.setBeanName("subscriber-" + body);
            ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            containers.add(container);
        }
    }

    /** Delivers one feed (or parked) record; false when it was parked or could not be read. */
    static boolean deliver(String body, BodyDelivery delivery, ConsumerRecord<String, byte[]> record,
                           AvroDeserializer<TraffickingAlert> alerts) {
        TraffickingAlert alert = read(body, record, alerts);
        if (alert == null) {
            return false;
        }
        Delivery d = delivery(body, alert, record);
        try {
            return delivery.deliver(record, d);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body + ": delivery of " + d.idempotencyKey() + " failed, will retry: " + e.getMessage(), e);
        }
    }

    /** A sink that must not lose anything and has no parking (files, the log): failures are retried without end. */
    public static BodyDelivery direct(String body, FeedSink sink, Receipts receipts) {
        return new BodyDelivery() {
            @Override
            public boolean deliver(ConsumerRecord<String, byte[]> record, Delivery d) throws java.io.IOException {
                return deliverAll(List.of(record), List.of(d))[0];
            }

            @Override
            public boolean[] deliverAll(List<ConsumerRecord<String, byte[]>> records, List<Delivery> deliveries)
                    throws java.io.IOException {
                sink.deliverAll(deliveries);
                for (Delivery d : deliveries) {
                    receipts.send(body, d.alert(), DeliveryStatus.DELIVERED, 1, Deadlines.deliveredDetail(d.alert()));
                }
                boolean[] delivered = new boolean[deliveries.size()];
                java.util.Arrays.fill(delivered, true);
                return delivered;
            }
        };
    }

    /**
     * Delivers one poll of a body's feed; returns once every record is delivered or parked and the receipts are
     * written, so the container may commit the poll's offsets. Throws (and the poll is retried) otherwise.
     */
    void deliverPoll(String body, BodyDelivery delivery, List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(records.size());
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            TraffickingAlert alert = read(body, record, alerts);
            if (alert != null) {
                readable.add(record);
                deliveries.add(delivery(body, alert, record));
            }
        }
        boolean[] delivered;
        try {
            delivered = delivery.deliverAll(readable, deliveries);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body + ": delivery of " + deliveries.size() + " alerts failed, will retry: "
                    + e.getMessage(), e);
        }
        receipts.confirm();
        long now = System.currentTimeMillis();
        for (int i = 0; i < delivered.length; i++) {
            if (delivered[i]) {
                deadlines.delivered(body, deliveries.get(i).alert());
                Timer.builder(DELIVERY_LATENCY).description("Publication to the sink's confirmation").tag("body", body)
                        .publishPercentiles(0.5, 0.99, 0.999).register(meters)
                        .record(Duration.ofMillis(Math.max(0, now - readable.get(i).timestamp())));
            }
        }
    }

    /** The alert of a feed record, or null (logged) when it cannot be read. */
    private static TraffickingAlert read(String body, ConsumerRecord<String, byte[]> record, AvroDeserializer<TraffickingAlert> alerts) {
        try {
            return alerts.deserialize(record.topic(), record.value());
        } catch (RetriableException e) {
            throw e;
        } catch (SerializationException e) {
            log.error("{}: feed record at offset {} cannot be read and is not delivered: {}", body, record.offset(), e.getMessage());
            return null;
        }
    }

    private static Delivery delivery(String body, TraffickingAlert alert, ConsumerRecord<String, byte[]> record) {
        return new Delivery(body, alert, alert.getAlertId() + ":" + alert.getVersion(), header(record, Headers.TRACE_ID));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Client settings for reading a body's feed or parked records: the body's own principal when it has one. */
    public Map<String, Object> consumerProps(String body) {
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.putAll(bodyClients.getOrDefault(body, Map.of()));
        return props;
    }

    /** The bodies this process serves. */
    public java.util.Set<String> bodies() {
        return deliveries.keySet();
    }

    Receipts receipts() {
        return receipts;
    }

    Deadlines deadlines() {
        return deadlines;
    }

    /** The delivery of a body this process serves, for re-drives. */
    public java.util.Optional<BodyDelivery> delivery(String body) {
        return java.util.Optional.ofNullable(deliveries.get(body));
    }

    AvroDeserializer<TraffickingAlert> alerts() {
        return alerts;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        receipts.flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
