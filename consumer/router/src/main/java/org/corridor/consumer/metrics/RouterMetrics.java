package org.corridor.consumer.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the router. Tags: {@code body} (the 13 bodies), {@code reason} (withhold reasons, dead-letter codes),
 * {@code outcome} (commit, rollback). Never an alert id or agency-supplied text.
 */
public final class RouterMetrics {

    /** Alert versions written to a body's feed. */
    public static final String ROUTED = "corridor.router.routed";
    /** Bodies withheld by the release policy (NOT_CONCERNED is not counted). */
    public static final String WITHHELD = "corridor.router.withheld";
    /** Records sent to the dead-letter topic. */
    public static final String DEAD_LETTERS = "corridor.router.dead.letters";
    /** From an alert's publication (the inbound record's timestamp) to the commit of its routing transaction. */
    public static final String LATENCY = "corridor.router.latency";
    /** Routing transactions by outcome. */
    public static final String TRANSACTIONS = "corridor.router.transactions";

    /** Attempts at a batch (or part of one) repeated after Kafka refused it, by the failure's kind. */
    public static final String BATCH_RETRIES = "corridor.router.batch.retries";
    /** Batches (or parts) halved to isolate the record Kafka refuses. */
    public static final String BATCH_SPLITS = "corridor.router.batch.splits";
    /** Batches given back to the container for a later redelivery (the cluster failing, or a fatal error). */
    public static final String BATCH_GIVEN_BACK = "corridor.router.batch.given.back";

    private final MeterRegistry registry;

    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void routed(String body) {
        Counter.builder(ROUTED).description("Alert versions written to a body's feed").tag("body", body)
                .register(registry).increment();
    }

    public void withheld(String reason) {
        Counter.builder(WITHHELD).description("Bodies withheld by the release policy").tag("reason", reason)
                .register(registry).increment();
    }

    public void deadLetter(String code) {
        Counter.builder(DEAD_LETTERS).description("Records sent to the dead-letter topic").tag("reason", code)
                .register(registry).increment();
    }

    public void latency(Duration d) {
        Timer.builder(LATENCY).description("Publication to the commit of the routing transaction")
                .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(registry).record(d);
    }

    public void transaction(boolean committed) {
        Counter.builder(TRANSACTIONS).description("Routing transactions by outcome")
                .tag("outcome", committed ? "commit" : "rollback").register(registry).increment();
    }

    public void batchRetried(String kind) {
        Counter.builder(BATCH_RETRIES).description("Attempts at a batch repeated after Kafka refused it").tag("kind", kind)
                .register(registry).increment();
    }

    public void batchSplit() {
        Counter.builder(BATCH_SPLITS).description("Batches halved to isolate the record Kafka refuses")
                .register(registry).increment();
    }

    public void batchGivenBack(String kind) {
        Counter.builder(BATCH_GIVEN_BACK).description("Batches given back for a later redelivery").tag("kind", kind)
                .register(registry).increment();
    }
}
