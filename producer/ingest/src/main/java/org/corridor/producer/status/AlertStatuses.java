package org.corridor.producer.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;

/**
 * The status of the latest {@code capacity} alerts (by first routing decision), built from decisions and receipts in
 * any order; older alerts are forgotten, so memory is bounded however long the service runs. An alert is its origin
 * agency's alert id: another agency's alert with the same id is another status, and a receipt applies to the alert of
 * the agency it names. A receipt written before receipts named the agency applies to the first agency whose decision
 * for that id was read, as it did when statuses were kept by id alone. One thread applies, any thread reads.
 */
final class AlertStatuses {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** An alert: its origin agency and id. In a receipt written before receipts named it, the agency is null. */
    private record Key(String agency, String alertId) {
    }

    private final Map<Key, AlertStatus> alerts = new ConcurrentHashMap<>();
    /** Alert id to the agency of its first decision held, for receipts that do not name the agency. */
    private final Map<String, String> firstAgency = new HashMap<>();
    /** Receipts that arrived before their alert's first decision (at most capacity alerts' worth). */
    private final Map<Key, List<DeliveryReceipt>> early;
    /** Alerts in the order of their first decision. */
    private final ArrayDeque<Key> order = new ArrayDeque<>();
    private final int capacity;

    AlertStatuses(int capacity) {
        this.capacity = capacity;
        this.early = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<DeliveryReceipt>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Alerts held. */
    int size() {
        return alerts.size();
    }

    /** The status of the agency's alert, as JSON; empty for another agency's alert with that id, as for an unknown one. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        AlertStatus status = alerts.get(new Key(agencyId, alertId));
        if (status == null) {
            return Optional.empty();
        }
        synchronized (status) {
            return Optional.of(status.toJson(JSON));
        }
    }

    /** Applies a decision, then any receipts of its alert that came first (with its agency, or without one). */
    void apply(RoutingDecision d) {
        decide(d);
        String alertId = d.getAlertId().toString();
        for (Key waitingFor : List.of(new Key(d.getOriginAgency(), alertId), new Key(null, alertId))) {
            List<DeliveryReceipt> waiting = early.remove(waitingFor);
            if (waiting != null) {
                waiting.forEach(this::apply);
            }
        }
    }

    private void decide(RoutingDecision d) {
        String alertId = d.getAlertId().toString();
        Key key = new Key(d.getOriginAgency(), alertId);
        AlertStatus status = alerts.get(key);
        if (status == null) {
            status = new AlertStatus(alertId, d.getOriginAgency());
            alerts.put(key, status);
            firstAgency.putIfAbsent(alertId, d.getOriginAgency());
            order.addLast(key);
            while (order.size() > capacity) {
                forget(order.pollFirst());
            }
        }
        synchronized (status) {
            status.latestVersion = Math.max(status.latestVersion, d.getAlertVersion());
            for (String body : d.getRecipients()) {
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(body, b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.routedVersion) {
                    s.routedVersion = d.getAlertVersion();
                    s.routedAt = d.getDecidedAt();
                }
            }
            for (WithheldBody w : d.getWithheld()) {
                if (w.getReason() == WithholdReason.NOT_CONCERNED) {
                    continue;
                }
                AlertStatus.BodyState s = status.bodies.computeIfAbsent(w.getBody(), b -> new AlertStatus.BodyState());
                if (d.getAlertVersion() > s.withheldVersion) {
                    s.withheldVersion = d.getAlertVersion();
                    s.withheldReason = w.getReason().name();
                    s.withheldDetail = w.getDetail();
                }
            }
        }
    }

    private void forget(Key key) {
        alerts.remove(key);
        firstAgency.remove(key.alertId(), key.agency());
    }

    void apply(DeliveryReceipt r) {
        String id = r.getAlertId().toString();
        String agency = r.getOriginAgency() != null ? r.getOriginAgency() : firstAgency.get(id);
        AlertStatus status = agency == null ? null : alerts.get(new Key(agency, id));
        if (status == null) {
            // A receipt read before its decision (another topic): keep it until the decision arrives.
            early.computeIfAbsent(new Key(r.getOriginAgency(), id), k -> new ArrayList<>()).add(r);
            return;
        }
        synchronized (status) {
            AlertStatus.BodyState s = status.bodies.computeIfAbsent(r.getBody(), b -> new AlertStatus.BodyState());
            switch (r.getStatus()) {
                case DELIVERED -> {
                    if (r.getAlertVersion() >= s.deliveredVersion) {
                        s.deliveredVersion = r.getAlertVersion();
                        s.deliveredAt = r.getAt();
                    }
                }
                case ACKNOWLEDGED -> s.acknowledgedAt = r.getAt();
                case PARKED -> {
                    if (r.getAlertVersion() >= s.parkedVersion) {
                        s.parkedVersion = r.getAlertVersion();
                        s.parkedAt = r.getAt();
                        s.parkedError = r.getDetail();
                    }
                }
                case ESCALATED -> s.escalatedAt = r.getAt();
                case FAILED -> s.failedAttempts++;
                default -> { }
            }
        }
    }
}
