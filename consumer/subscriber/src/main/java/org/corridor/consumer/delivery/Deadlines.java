package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.state.StateStore;

/**
 * Acknowledgement deadlines: an alert delivered with a deadline for its priority (URGENT: 8 hours by default) and not
 * acknowledged in time gets one ESCALATED receipt and counts in {@value SubscriberMetrics#ESCALATIONS}. A clock is
 * one body's for one alert, named by its origin agency and id: another agency's alert with the same id has a clock of
 * its own. A receipt written before receipts carried the agency (agency null) stands for any agency's alert of that
 * id, as every receipt did then. Running clocks and settled alerts are kept in the subscriber's {@link StateStore}
 * (indexed by due time, so a check reads only the overdue clocks), which {@link DeadlineFollower} keeps up with
 * {@code alerts.receipts} from its checkpoint: they survive a restart, and the heap holds nothing per alert.
 * {@link DeadlineWatcher} checks them on a schedule, escalating at most {@value #MAX_PER_CHECK} per check. Thread-safe.
 */
public final class Deadlines {

    /** What a running clock needs, and nothing more: one is held per URGENT delivery until acknowledged. */
    private record Pending(String body, String agency, UUID alertId, int version, Priority priority, Instant due) {
    }

    private final Map<Priority, Duration> limits;
    private final Receipts receipts;
    private final SubscriberMetrics metrics;
    private final Clock clock;
    /**
     * Running clocks ({@value #PENDING}{@code <key>}, and the same under {@value #DUE}{@code <due millis>/<key>} so a
     * check reads only the overdue ones, in order) and alerts acknowledged or escalated ({@value #SETTLED}: never
     * again). Nothing per alert in the heap.
     */
    private final StateStore store;
    private volatile boolean ready;

    private static final String PENDING = "pending/";
    private static final String DUE = "due/";
    private static final String SETTLED = "settled/";
    private static final byte[] YES = {1};
    /** Clocks escalated per check at most; the rest wait for the next check. */
    static final int MAX_PER_CHECK = 10_000;

    public Deadlines(Map<Priority, Duration> limits, Receipts receipts, SubscriberMetrics metrics, Clock clock,
                     StateStore store) {
        this.limits = Map.copyOf(limits);
        this.receipts = receipts;
        this.metrics = metrics;
        this.clock = clock;
        this.store = store;
    }

    /** {@code version|priority|due epoch millis}; the key holds body, agency and id. */
    private static byte[] encode(Pending p) {
        return (p.version() + "|" + p.priority() + "|" + p.due().toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    private static Pending decode(String key, byte[] value) {
        String[] k = key.split("/", -1);
        String[] v = new String(value, StandardCharsets.UTF_8).split("\\|");
        return new Pending(k[0], k[1].isEmpty() ? null : k[1], UUID.fromString(k[2]), Integer.parseInt(v[0]),
                Priority.valueOf(v[1]), Instant.ofEpochMilli(Long.parseLong(v[2])));
    }

    /** Sorts by time as text: 13 digits of epoch milliseconds last until the year 2286. */
    private static String dueKey(Instant due, String key) {
        return DUE + String.format("%013d", Math.max(0, due.toEpochMilli())) + "/" + key;
    }

    private boolean settled(String key) {
        return store.get(SETTLED + key) != null;
    }

    /** Stops the clock for good; a start and a stop of one clock are ordered by the store's lock of its key. */
    private void settle(String key) {
        store.put(SETTLED + key, YES);
        store.update(PENDING + key, running -> {
            if (running != null) {
                store.delete(dueKey(decode(key, running).due(), key));
            }
            return null;
        });
    }

    private void start(String key, Pending p) {
        byte[] value = encode(p);
        store.update(PENDING + key, running -> {
            if (running != null || settled(key)) {
                return running;
            }
            // Inside the key's lock: a stop of this clock waits for both writes.
            store.put(dueKey(p.due(), key), value);
            return value;
        });
    }

    /** Body, agency ({@code ""} when unknown) and alert id; neither a body id nor an agency id holds a {@code /}. */
    private static String key(String body, String agency, UUID alertId) {
        return body + "/" + (agency == null ? "" : agency) + "/" + alertId;
    }

    /** Starts the clock for a delivered alert whose priority has a deadline. */
    public void delivered(String body, TraffickingAlert alert) {
        delivered(body, alert.getOriginAgency().getAgencyId(), alert.getAlertId(), alert.getVersion(), alert.getPriority(),
                clock.instant());
    }

    /**
     * Starts the clock from a past delivery (read back from the receipts after a restart).
     *
     * @param agency the alert's origin agency, null when the receipt did not carry it
     */
    public void delivered(String body, String agency, UUID alertId, int version, Priority priority, Instant at) {
        Duration limit = limits.get(priority);
        if (limit == null) {
            return;
        }
        String key = key(body, agency, alertId);
        if (!settled(key(body, null, alertId))) {
            start(key, new Pending(body, agency, alertId, version, priority, at.plus(limit)));
        }
    }

    /**
     * Stops the clock for good: the body acknowledged the agency's alert (any version), or it was escalated. The clock
     * of a delivery whose receipt did not carry the agency stops too: it was of this alert.
     *
     * @param agency the alert's origin agency, null when the receipt did not carry it
     */
    public void acknowledged(String body, String agency, UUID alertId) {
        for (String key : List.of(key(body, agency, alertId), key(body, null, alertId))) {
            settle(key);
        }
    }

    /** Whether the body's clock for the agency's alert is running (for tests and diagnostics). */
    boolean running(String body, String agency, UUID alertId) {
        return store.get(PENDING + key(body, agency, alertId)) != null;
    }
    /** Escalations wait until the receipts read back after a start are all applied. */
    public void ready() {
        ready = true;
    }

    /** The detail of a DELIVERED receipt, carrying the priority so deadlines survive restarts. */
    public static String deliveredDetail(TraffickingAlert alert) {
        return "priority=" + alert.getPriority();
    }

    /**
     * Escalates every overdue alert once; returns how many. Called on a schedule. An alert counts as escalated only
     * once its ESCALATED receipt is on the broker: if a receipt is lost, that round's alerts go back to their clocks
     * (unless acknowledged meanwhile) and are escalated at the next check, and the loss is thrown to the caller.
     */
    public int escalateOverdue() {
        if (!ready) {
            return 0;
        }
        String now = dueKey(clock.instant(), "");
        Map<String, Pending> overdue = new LinkedHashMap<>();
        Map<String, String> dueKeys = new LinkedHashMap<>();
        store.scan(DUE, (dueKey, value) -> {
            if (dueKey.substring(0, now.length()).compareTo(now) > 0 || overdue.size() >= MAX_PER_CHECK) {
                return false;
            }
            String key = dueKey.substring(now.length());
            overdue.put(key, decode(key, value));
            dueKeys.put(key, dueKey);
            return true;
        });
        List<Map.Entry<String, Pending>> escalated = new ArrayList<>();
        for (Map.Entry<String, Pending> e : overdue.entrySet()) {
            if (settled(e.getKey())) {
                // Acknowledged as its clock was being started: it never runs again.
                store.delete(dueKeys.get(e.getKey()));
                continue;
            }
            Pending p = e.getValue();
            receipts.send(p.body(), p.agency(), p.alertId(), p.version(), DeliveryStatus.ESCALATED, 0,
                    p.priority() + " alert not acknowledged by " + p.due());
            escalated.add(e);
        }
        // This thread's own escalation receipts: a lost one is this check's failure, never a feed container's. Their
        // clocks stay in the store and are escalated again at the next check.
        receipts.confirm();
        for (Map.Entry<String, Pending> e : escalated) {
            settle(e.getKey());
            metrics.escalated(e.getValue().body(), e.getValue().priority().name());
        }
        return escalated.size();
    }
}
