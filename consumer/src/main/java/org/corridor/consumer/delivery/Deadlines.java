package org.corridor.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.TraffickingAlert;

/**
 * Acknowledgement deadlines: an alert delivered with a deadline for its priority (URGENT: 8 hours by default) and not
 * acknowledged in time gets one ESCALATED receipt and counts in {@value #ESCALATIONS}. Kept in memory by the
 * subscriber process that delivered the alert; thread-safe.
 */
public final class Deadlines {

    /** Escalations, by body. */
    public static final String ESCALATIONS = "corridor.subscriber.escalations";

    private record Pending(String body, TraffickingAlert alert, Instant due) {
    }

    private final Map<Priority, Duration> limits;
    private final Receipts receipts;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public Deadlines(Map<Priority, Duration> limits, Receipts receipts, MeterRegistry meters, Clock clock) {
        this.limits = Map.copyOf(limits);
        this.receipts = receipts;
        this.meters = meters;
        this.clock = clock;
    }

    private static String key(String body, String alertId) {
        return body + "/" + alertId;
    }

    /** Starts the clock for a delivered alert whose priority has a deadline. */
    public void delivered(String body, TraffickingAlert alert) {
        Duration limit = limits.get(alert.getPriority());
        if (limit != null) {
            pending.putIfAbsent(key(body, alert.getAlertId().toString()), new Pending(body, alert, clock.instant().plus(limit)));
        }
    }

    /** Stops the clock: the body acknowledged the alert (any version). */
    public void acknowledged(String body, String alertId) {
        pending.remove(key(body, alertId));
    }

    /** Escalates every overdue alert once; returns how many. Called on a schedule. */
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<Map.Entry<String, Pending>> overdue = pending.entrySet().stream().filter(e -> !now.isBefore(e.getValue().due())).toList();
        for (Map.Entry<String, Pending> e : overdue) {
            if (pending.remove(e.getKey(), e.getValue())) {
                Pending p = e.getValue();
                receipts.send(p.body(), p.alert(), DeliveryStatus.ESCALATED, 0,
                        p.alert().getPriority() + " alert not acknowledged by " + p.due());
                Counter.builder(ESCALATIONS).description("Alerts not acknowledged within their deadline")
                        .tag("body", p.body()).register(meters).increment();
            }
        }
        return overdue.size();
    }
}
