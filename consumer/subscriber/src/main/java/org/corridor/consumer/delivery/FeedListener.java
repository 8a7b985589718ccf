package org.corridor.consumer.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Delivers one poll of a body's feed into the body's {@link FeedSink}, on the body's listener thread. It returns once
 * every readable record is delivered or parked and the receipts are acknowledged by the broker ({@link
 * Receipts#confirm()}), so the container may commit the poll's offsets; then the latency is recorded. What the body
 * may acknowledge ({@link DeliveredAlerts}) and the deadlines ({@link Deadlines}) are kept by {@link DeadlineFollower}
 * from those receipts, off this thread: a delivery's thread does no bookkeeping on disk. Otherwise it throws, nothing is committed, and the container's error handler delivers the same poll
 * again after a backoff, without end (at-least-once; receivers de-duplicate by the idempotency key).
 */
final class FeedListener implements BatchMessageListener<String, byte[]> {

    private final String body;
    private final FeedSink sink;
    private final FeedReader reader;
    private final Receipts receipts;
    private final SubscriberMetrics metrics;

    FeedListener(String body, FeedSink sink, FeedReader reader, Receipts receipts, SubscriberMetrics metrics) {
        this.body = body;
        this.sink = sink;
        this.reader = reader;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            reader.read(body, record).ifPresent(deliveries::add);
        }
        List<FeedSink.Outcome> outcomes;
        try {
            outcomes = sink.deliver(deliveries);
        } catch (IOException e) {
            throw new IllegalStateException(body + ": delivery of " + deliveries.size() + " alerts failed, will retry: "
                    + e.getMessage(), e);
        }
        receipts.confirm();
        long now = System.currentTimeMillis();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == FeedSink.Outcome.DELIVERED) {
                Delivery d = deliveries.get(i);
                metrics.delivered(body, Duration.ofMillis(Math.max(0, now - d.source().timestamp())));
            }
        }
    }
}
