package org.corridor.consumer.linking;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The correlator's counters: routed versions filed, hits by status and kind, keys suppressed as too common, blind
 * notices sent and withheld by reason, and input records it could not read.
 */
public final class CorrelatorMetrics {

    private final MeterRegistry registry;
    private final Counter routed;
    private final Counter suppressed;
    private final Counter sent;

    public CorrelatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.routed = Counter.builder("corridor.correlator.versions").description("Routed alert versions filed").register(registry);
        this.suppressed = Counter.builder("corridor.correlator.suppressed.keys")
                .description("Blocking keys suppressed as too common").register(registry);
        this.sent = Counter.builder("corridor.correlator.notices").tag("outcome", "sent")
                .description("Blind notices to originators, sent or withheld by reason").register(registry);
    }

    void routedVersion() {
        routed.increment();
    }

    void suppressedKey() {
        suppressed.increment();
    }

    void hit(String status, String kind) {
        Counter.builder("corridor.correlator.hits").tag("status", status).tag("kind", kind)
                .description("Links told, by status and kind").register(registry).increment();
    }

    /** @param withheld as {@code <agency>: <reason>} */
    void notices(int sentNow, List<String> withheld) {
        sent.increment(sentNow);
        for (String w : withheld) {
            String reason = w.substring(w.lastIndexOf(':') + 1).strip();
            Counter.builder("corridor.correlator.notices").tag("outcome", "withheld").tag("reason", reason)
                    .description("Blind notices to originators, sent or withheld by reason").register(registry).increment();
        }
    }

    /** @param stage {@code by-alert}, {@code by-shard} or {@code by-pair}: a record it could not take and skipped */
    void failed(String stage) {
        Counter.builder("corridor.correlator.failed").tag("stage", stage)
                .description("Records a stage of the topology failed on and skipped").register(registry).increment();
    }

    /** @param input {@code routed}: a record of alerts.routed it could not read, or whose key, alert and decision disagree */
    void unreadable(String input) {
        Counter.builder("corridor.correlator.unreadable").tag("input", input)
                .description("Input records the correlator could not read and skipped").register(registry).increment();
    }
}
