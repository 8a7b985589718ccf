package org.corridor.consumer.delivery.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the subscribers, the only place their names, descriptions and tags are written. Tags: {@value #BODY}
 * (the 13 bodies) and {@value #PRIORITY} (the alert priorities); never an alert id or agency-supplied text.
 * Thread-safe: Micrometer registers a meter once and returns it on later calls.
 */
public final class SubscriberMetrics {

    /** From an alert's publication (the feed record keeps the inbound record's timestamp) to the sink's confirmation. */
    public static final String DELIVERY_LATENCY = "corridor.subscriber.delivery.latency";
    /** Alerts not acknowledged within their deadline, by body and priority. */
    public static final String ESCALATIONS = "corridor.subscriber.escalations";

    /** Tag: the body id. */
    public static final String BODY = "body";
    /** Tag: the alert's priority. */
    public static final String PRIORITY = "priority";

    private final MeterRegistry registry;
    /** Built once per body: a builder sorts its tags and looks the meter up again on every call. */
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    public SubscriberMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One alert version the body's sink confirmed, {@code latency} after its publication. */
    public void delivered(String body, Duration latency) {
        latencies.computeIfAbsent(body, b -> Timer.builder(DELIVERY_LATENCY).description("Publication to the sink's confirmation")
                .tag(BODY, b).publishPercentiles(0.5, 0.99, 0.999).register(registry)).record(latency);
    }

    /** One alert escalated because the body did not acknowledge it in time. */
    public void escalated(String body, String priority) {
        Counter.builder(ESCALATIONS).description("Alerts not acknowledged within their deadline")
                .tag(BODY, body).tag(PRIORITY, priority).register(registry).increment();
    }
}
