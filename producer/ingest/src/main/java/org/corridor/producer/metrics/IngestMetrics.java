package org.corridor.producer.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the ingest. Tags: {@code agency} (configured agencies, or {@code unknown}), {@code outcome}
 * (accepted, rejected), {@code reason} (a fixed set, see {@link Reason}). Never an alert id.
 */
public final class IngestMetrics {

    /** Alerts received, by agency, outcome and reason. */
    public static final String ALERTS = "corridor.ingest.alerts";
    /** Time from receiving a request to the broker's acknowledgement. */
    public static final String PUBLISH_LATENCY = "corridor.ingest.publish.latency";

    /** Why a request was rejected; {@code NONE} for accepted ones. */
    public enum Reason {
        NONE, INVALID, MALFORMED, UNAUTHORIZED, FORBIDDEN, TOO_LARGE, TOO_MANY_REQUESTS, CONFLICT, NOT_FOUND, UNAVAILABLE, FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String agency, Duration latency) {
        counter(agency, "accepted", Reason.NONE).increment();
        Timer.builder(PUBLISH_LATENCY).description("Time from request to broker acknowledgement")
                .tag("agency", agency).publishPercentileHistogram().register(registry).record(latency);
    }

    public void rejected(String agency, Reason reason) {
        counter(agency, "rejected", reason).increment();
    }

    private Counter counter(String agency, String outcome, Reason reason) {
        return Counter.builder(ALERTS).description("Alerts received through REST, by outcome")
                .tag("agency", agency == null ? "unknown" : agency).tag("outcome", outcome).tag("reason", reason.tag())
                .register(registry);
    }
}
