package org.corridor.consumer.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.topics.Topics;

/**
 * Delivers through a sink that can fail for a while (a webhook): retries with exponential backoff and jitter, behind a
 * circuit breaker, a FAILED receipt for each failed attempt, DELIVERED on success. When the retry budget is spent, the
 * receiver refused the alert, or the circuit is open, the feed record is parked on {@code alerts.feed.<body>.parked}
 * with the last error and a PARKED receipt is written: the record is never dropped and never blocks the feed.
 */
public final class ResilientDelivery implements SubscriberService.BodyDelivery {

    /** Header of a parked record: the last error. */
    public static final String PARKED_ERROR = "corridor-parked-error";

    private final String body;
    private final FeedSink sink;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Receipts receipts;
    private final Producer<String, byte[]> parking;

    public ResilientDelivery(String body, FeedSink sink, int maxAttempts, Duration backoff, Duration maxBackoff,
                             Receipts receipts, Producer<String, byte[]> parking) {
        this.body = body;
        this.sink = sink;
        this.receipts = receipts;
        this.parking = parking;
        long initial = Math.max(1, backoff.toMillis());
        this.retry = Retry.of("delivery-" + body, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, Math.max(initial, maxBackoff.toMillis())))
                .retryExceptions(IOException.class)
                .ignoreExceptions(RejectedDeliveryException.class, CallNotPermittedException.class)
                .build());
        this.breaker = CircuitBreaker.of("delivery-" + body, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).build());
    }

    /** Closes the circuit: an operator asked to try again. */
    @Override
    public void reset() {
        breaker.reset();
    }

    /** Delivers, or parks; returns whether the sink got it. */
    @Override
    public boolean deliver(ConsumerRecord<String, byte[]> record, Delivery delivery) {
        AtomicInteger attempt = new AtomicInteger();
        try {
            retry.executeCheckedSupplier(() -> {
                int n = attempt.incrementAndGet();
                try {
                    breaker.executeCheckedSupplier(() -> {
                        sink.deliver(delivery);
                        return null;
                    });
                    return null;
                } catch (IOException | RejectedDeliveryException e) {
                    receipts.send(body, delivery.alert(), DeliveryStatus.FAILED, n, e.getMessage());
                    throw e;
                }
            });
            receipts.send(body, delivery.alert(), DeliveryStatus.DELIVERED, attempt.get(), Deadlines.deliveredDetail(delivery.alert()));
            return true;
        } catch (Throwable last) {
            park(record, delivery, attempt.get(), last);
            return false;
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, Delivery delivery, int attempts, Throwable last) {
        String error = last instanceof CallNotPermittedException ? "circuit open after repeated failures of " + sink
                : last.getMessage();
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        headers.add(new RecordHeader(PARKED_ERROR, String.valueOf(error).getBytes(StandardCharsets.UTF_8)));
        parking.send(new ProducerRecord<>(Topics.parked(body), null, record.key(), record.value(), headers));
        parking.flush();
        receipts.send(body, delivery.alert(), DeliveryStatus.PARKED, attempts, error);
    }
}
