package org.corridor.consumer.delivery;

import org.corridor.support.webhook.RejectedDeliveryException;
import org.corridor.support.webhook.WebhookAnswer;
import org.corridor.schemas.topics.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The {@link FeedSink} of a body with a webhook: each alert is POSTed through {@link WebhookSink}, an
 * {@link IOException} (5xx, 408, 429, timeouts, connection errors) retried with exponential backoff and jitter
 * ({@code webhook-max-attempts}, {@code webhook-backoff} doubled up to {@code webhook-max-backoff}), behind a circuit
 * breaker ({@code webhook-circuit-*}) that counts only those endpoint failures: a refusal of one alert (a 4xx, see
 * {@link WebhookAnswer}) counts neither as a failure nor as a success, so one agency's malformed alerts never open the
 * circuit for everyone else's; a FAILED receipt for each failed attempt, DELIVERED on success. When the retry
 * budget is spent, the receiver refused the alert ({@link RejectedDeliveryException}, never retried), or the circuit is
 * open, the feed record is parked on {@code alerts.feed.<body>.parked} with the last error and, once the broker has
 * acknowledged the parked record, a PARKED receipt is written: the record is never dropped and never blocks the feed.
 * A park the broker does not take throws {@link ConfirmedWrite.NotWrittenException} (retriable): the caller commits
 * nothing and the poll comes again. Alerts of a poll go one after the other, on the caller's thread; thread-safe.
 */
public final class ResilientDelivery implements FeedSink {


    /** Each wait is twice the one before, then spread by up to half of it either way. */
    static final double BACKOFF_MULTIPLIER = 2.0;
    static final double BACKOFF_JITTER = 0.5;

    private final String body;
    private final WebhookSink webhook;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Receipts receipts;
    private final Producer<String, byte[]> parking;

    /** @param settings the {@code webhook-*} settings; the webhook's own url, secret and timeout are {@code webhook}'s */
    public ResilientDelivery(String body, WebhookSink webhook, SubscriberProperties settings, Receipts receipts,
                             Producer<String, byte[]> parking) {
        this.body = body;
        this.webhook = webhook;
        this.receipts = receipts;
        this.parking = parking;
        long initial = Math.max(1, settings.webhookBackoff().toMillis());
        this.retry = Retry.of("delivery-" + body, RetryConfig.custom()
                .maxAttempts(settings.webhookMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initial, BACKOFF_MULTIPLIER, BACKOFF_JITTER,
                        Math.max(initial, settings.webhookMaxBackoff().toMillis())))
                .retryExceptions(IOException.class)
                .ignoreExceptions(RejectedDeliveryException.class, CallNotPermittedException.class)
                .build());
        this.breaker = CircuitBreaker.of("delivery-" + body, CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.webhookCircuitWindow())
                .minimumNumberOfCalls(settings.webhookCircuitMinimumCalls())
                .failureRateThreshold(settings.webhookCircuitFailureRate())
                .waitDurationInOpenState(settings.webhookCircuitOpen())
                // Only the endpoint's own trouble opens the circuit; a refusal is about one alert (WebhookAnswer).
                .recordException(e -> e instanceof IOException)
                .ignoreExceptions(RejectedDeliveryException.class).build());
    }

    /** Closes the circuit: an operator asked to try again. */
    @Override
    public void reset() {
        breaker.reset();
    }

    /**
     * Delivers or parks each alert in turn; never throws for a failing webhook (it parks instead).
     *
     * @throws ConfirmedWrite.NotWrittenException when a park was not written (the whole poll is delivered again)
     */
    @Override
    public List<Outcome> deliver(List<Delivery> deliveries) {
        List<Outcome> outcomes = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            outcomes.add(deliver(d));
        }
        return outcomes;
    }

    private Outcome deliver(Delivery delivery) {
        AtomicInteger attempt = new AtomicInteger();
        try {
            retry.executeCheckedSupplier(() -> {
                int n = attempt.incrementAndGet();
                try {
                    breaker.executeCheckedSupplier(() -> {
                        webhook.post(delivery);
                        return null;
                    });
                    return null;
                } catch (IOException | RejectedDeliveryException e) {
                    receipts.send(body, delivery.alert(), DeliveryStatus.FAILED, n, e.getMessage());
                    throw e;
                }
            });
            receipts.delivered(delivery, attempt.get());
            return Outcome.DELIVERED;
        } catch (Throwable last) {
            park(delivery, attempt.get(), last);
            return Outcome.PARKED;
        }
    }

    private void park(Delivery delivery, int attempts, Throwable last) {
        String error = last instanceof CallNotPermittedException ? "circuit open after repeated failures of " + webhook
                : last.getMessage();
        ConsumerRecord<String, byte[]> record = delivery.source();
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        headers.add(new RecordHeader(Headers.PARKED_ERROR, String.valueOf(error).getBytes(StandardCharsets.UTF_8)));
        // Waited for: the PARKED outcome lets the container commit the feed offset, so the parked copy must exist.
        ConfirmedWrite.send(parking, new ProducerRecord<>(Topics.parked(body), null, record.key(), record.value(), headers),
                body + ": parking " + delivery.idempotencyKey() + " on " + Topics.parked(body));
        receipts.send(body, delivery.alert(), DeliveryStatus.PARKED, attempts, error);
    }
}
