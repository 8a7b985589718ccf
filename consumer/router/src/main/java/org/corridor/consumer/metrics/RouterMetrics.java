package org.corridor.consumer.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the router. Tags: {@code body} (the 13 bodies), {@code reason} (withhold reasons, dead-letter codes),
 * {@code outcome} (commit, rollback), {@code kind} (response kinds). Never an alert id or agency-supplied text.
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
    /** Responses to alerts routed (the return channel), by kind ({@code OUTCOME}, {@code QUESTION}, ...). */
    public static final String RESPONSES = "corridor.router.responses";
    /** Inboxes of bodies that got a routed response besides the originating agency's. */
    public static final String RESPONSE_SHARES = "corridor.router.response.shares";
    /** Routing transactions by outcome. */
    public static final String TRANSACTIONS = "corridor.router.transactions";

    /** Attempts at a batch (or part of one) repeated after Kafka refused it, by the failure's kind. */
    public static final String BATCH_RETRIES = "corridor.router.batch.retries";
    /** Batches (or parts) halved to isolate the record Kafka refuses. */
    public static final String BATCH_SPLITS = "corridor.router.batch.splits";
    /** Batches given back to the container for a later redelivery (the cluster failing, or a fatal error). */
    public static final String BATCH_GIVEN_BACK = "corridor.router.batch.given.back";

    private final MeterRegistry registry;
    // Built once per tag value, not per call: a meter's builder sorts its tags and looks it up in the registry, which
    // cost the router more per alert than some of its decisions (issue 20, item 3).
    private final Map<String, Counter> routed = new ConcurrentHashMap<>();
    private final Map<String, Counter> withheld = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Map<String, Counter> givenBack = new ConcurrentHashMap<>();
    private final Map<String, Counter> responses = new ConcurrentHashMap<>();
    private final Counter shares;
    private final Timer latency;
    private final Counter committed;
    private final Counter rolledBack;
    private final Counter splits;

    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder(LATENCY).description("Publication to the commit of the routing transaction")
                .publishPercentiles(0.5, 0.99, 0.999).publishPercentileHistogram().register(registry);
        this.committed = transactions("commit");
        this.rolledBack = transactions("rollback");
        this.shares = Counter.builder(RESPONSE_SHARES).description("Body inboxes a routed response was shared with")
                .register(registry);
        this.splits = Counter.builder(BATCH_SPLITS).description("Batches halved to isolate the record Kafka refuses")
                .register(registry);
    }

    private Counter transactions(String outcome) {
        return Counter.builder(TRANSACTIONS).description("Routing transactions by outcome").tag("outcome", outcome)
                .register(registry);
    }

    private Counter counter(Map<String, Counter> cache, String name, String description, String tag, String value) {
        return cache.computeIfAbsent(value, v -> Counter.builder(name).description(description).tag(tag, v).register(registry));
    }

    public void routed(String body) {
        counter(routed, ROUTED, "Alert versions written to a body's feed", "body", body).increment();
    }

    public void withheld(String reason) {
        counter(withheld, WITHHELD, "Bodies withheld by the release policy", "reason", reason).increment();
    }

    /** A response routed to the originating agency and to {@code bodies} bodies. */
    public void response(String kind, int bodies) {
        counter(responses, RESPONSES, "Responses to alerts routed", "kind", kind).increment();
        shares.increment(bodies);
    }

    public void deadLetter(String code) {
        counter(deadLetters, DEAD_LETTERS, "Records sent to the dead-letter topic", "reason", code).increment();
    }

    public void latency(Duration d) {
        latency.record(d);
    }

    public void transaction(boolean committed) {
        (committed ? this.committed : rolledBack).increment();
    }

    public void batchRetried(String kind) {
        counter(retries, BATCH_RETRIES, "Attempts at a batch repeated after Kafka refused it", "kind", kind).increment();
    }

    public void batchSplit() {
        splits.increment();
    }

    public void batchGivenBack(String kind) {
        counter(givenBack, BATCH_GIVEN_BACK, "Batches given back for a later redelivery", "kind", kind).increment();
    }
}
