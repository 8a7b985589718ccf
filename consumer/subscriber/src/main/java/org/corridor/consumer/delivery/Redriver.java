package org.corridor.consumer.delivery;

import org.corridor.schemas.topics.Groups;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.topics.Topics;

/**
 * Re-drives a body's parked records: reads {@code alerts.feed.<body>.parked} from where the last re-drive stopped (its
 * own consumer group) up to the end it has now, and delivers each again through the body's delivery. A record that
 * still fails is parked again with the new error, so nothing is lost. Each record's offset is committed once its
 * receipts are on the broker. Re-drives and replays run on the caller's thread, one at a time, as the body's own
 * principal; an unreadable record goes to the dead-letter topic ({@link FeedReader}) and counts as parked again. A
 * delivery whose receipt is on the broker is recorded at once in {@link DeliveredAlerts}: the body may acknowledge it.
 */
public final class Redriver {

    /** What a re-drive did. */
    public record Result(String body, int delivered, int parkedAgain) {
    }

    private final FeedSinks sinks;
    private final BodyClients clients;
    private final FeedReader reader;
    private final Receipts receipts;
    private final DeliveredAlerts deliveredAlerts;
    private final Duration metadataTimeout;
    private final Duration pollTimeout;

    Redriver(FeedSinks sinks, BodyClients clients, FeedReader reader, Receipts receipts, DeliveredAlerts deliveredAlerts,
             SubscriberProperties properties) {
        this.sinks = sinks;
        this.clients = clients;
        this.reader = reader;
        this.receipts = receipts;
        this.deliveredAlerts = deliveredAlerts;
        this.metadataTimeout = properties.redriveTimeout();
        this.pollTimeout = properties.redrivePollTimeout();
    }

    /** @throws IllegalArgumentException when this process does not serve the body */
    public synchronized Result redrive(String body) {
        FeedSink sink = sink(body);
        sink.reset();
        return deliverAll(body, sink, Topics.parked(body), Groups.redrive(body), null);
    }

    /** Re-delivers every record of the body's feed written at or after {@code since}, up to the end it has now. */
    public synchronized Result replay(String body, java.time.Instant since) {
        return deliverAll(body, sink(body), Topics.feed(body), Groups.replay(body), since);
    }

    private FeedSink sink(String body) {
        return sinks.of(body).orElseThrow(() -> new IllegalArgumentException("body " + body + " is not served by this subscriber"));
    }

    private Result deliverAll(String body, FeedSink sink, String topic, String group, java.time.Instant since) {
        // As the body itself, on a secured broker: a re-drive cannot read another body's records.
        Map<String, Object> props = clients.forBody(body);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        int delivered = 0;
        int parked = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, metadataTimeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> fromTime = since == null ? Map.of()
                    : consumer.offsetsForTimes(partitions.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                            tp -> since.toEpochMilli())));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (since != null) {
                    org.apache.kafka.clients.consumer.OffsetAndTimestamp at = fromTime.get(tp);
                    consumer.seek(tp, at == null ? end.get(tp) : at.offset());
                } else if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(pollTimeout)) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    Delivery d = deliver(body, sink, r);
                    receipts.confirm();
                    if (d != null) {
                        deliveredAlerts.delivered(body, d.alert().getOriginAgency().getAgencyId(), d.alert().getAlertId(),
                                d.alert().getVersion());
                        delivered++;
                    } else {
                        parked++;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        }
        return new Result(body, delivered, parked);
    }

    /** The delivery once the sink has the record; null when it was parked (again) or, unreadable, dead-lettered. */
    private Delivery deliver(String body, FeedSink sink, ConsumerRecord<String, byte[]> record) {
        Delivery d = reader.read(body, record).orElse(null);
        if (d == null) {
            return null;
        }
        try {
            return sink.deliver(List.of(d)).get(0) == FeedSink.Outcome.DELIVERED ? d : null;
        } catch (IOException e) {
            throw new IllegalStateException(body + ": delivery of " + d.idempotencyKey() + " failed, will retry: " + e.getMessage(), e);
        }
    }
}
