package org.corridor.producer.status;

import java.util.ArrayList;
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
 * any order; older alerts are forgotten, so memory is bounded however long the service runs. One thread applies,
 * any thread reads.
 */
final class AlertStatuses {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, AlertStatus> alerts = new ConcurrentHashMap<>();
    /** Receipts that arrived before their alert's first decision (at most capacity alerts' worth). */
    private final Map<String, List<DeliveryReceipt>> early;
    /** Alert ids in the order of their first decision. */
    private final java.util.ArrayDeque<String> order = new java.util.ArrayDeque<>();
    private final int capacity;

    AlertStatuses(int capacity) {
        this.capacity = capacity;
        this.early = new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<DeliveryReceipt>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Alerts held. */
    int size() {
        return alerts.size();
    }

    /** The status of an alert, as JSON, when the agency published it. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        AlertStatus status = alerts.get(alertId);
        if (status == null || !status.originAgency.equals(agencyId)) {
            return Optional.empty();
        }
        synchronized (status) {
            return Optional.of(status.toJson(JSON));
        }
    }

    /** Applies a decision, then any receipts of its alert that came first. */
    void apply(RoutingDecision d) {
        decide(d);
        List<DeliveryReceipt> waiting = early.remove(d.getAlertId().toString());
        if (waiting != null) {
            waiting.forEach(this::apply);
        }
    }

    private void decide(RoutingDecision d) {
        String alertId = d.getAlertId().toString();
        AlertStatus status = alerts.get(alertId);
        if (status == null) {
            status = new AlertStatus(alertId, d.getOriginAgency());
            alerts.put(alertId, status);
            order.addLast(alertId);
            while (order.size() > capacity) {
                alerts.remove(order.pollFirst());
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

    void apply(DeliveryReceipt r) {
        String id = r.getAlertId().toString();
        AlertStatus status = alerts.get(id);
        if (status == null) {
            // A receipt read before its decision (another topic): keep it until the decision arrives.
            early.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
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
