package org.corridor.producer.status;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happened to one alert, body by body, and which records made it so. Mutable, confined to the thread that
 * applies records; readers get a fresh copy from the store ({@link StatusCodec}).
 */
final class AlertStatus {

    /**
     * What is known of one body, fact by fact; records from the audit and receipts topics may arrive in any order,
     * so the state is derived when asked: acknowledged, else delivered (the routed version or later), else parked,
     * else routed, else withheld.
     */
    static final class BodyState {
        int routedVersion;
        Instant routedAt;
        int deliveredVersion;
        Instant deliveredAt;
        Instant acknowledgedAt;
        int parkedVersion;
        Instant parkedAt;
        String parkedError;
        Instant escalatedAt;
        int failedAttempts;
        int withheldVersion;
        String withheldReason;
        String withheldDetail;

        String state() {
            if (acknowledgedAt != null) {
                return "ACKNOWLEDGED";
            }
            if (deliveredVersion > 0 && deliveredVersion >= routedVersion) {
                return "DELIVERED";
            }
            if (parkedVersion > 0 && parkedVersion >= routedVersion) {
                return "PARKED";
            }
            if (routedVersion > 0) {
                return "ROUTED";
            }
            return "WITHHELD";
        }
    }

    final String alertId;
    final String originAgency;
    int latestVersion;
    final Map<String, BodyState> bodies = new TreeMap<>();
    /**
     * Per topic partition ({@code topic/partition}), the offset after the last record applied. A record handed over
     * again (the view resumes from a checkpoint a crash left behind) is below it and changes nothing: without this, a
     * FAILED receipt would count twice.
     */
    final Map<String, Long> applied = new TreeMap<>();

    AlertStatus(String alertId, String originAgency) {
        this.alertId = alertId;
        this.originAgency = originAgency;
    }

    /** Whether the record at that position is new to this status; if so, it counts as applied from now. */
    boolean firstTime(String partition, long offset) {
        Long next = applied.get(partition);
        if (next != null && offset < next) {
            return false;
        }
        applied.put(partition, offset + 1);
        return true;
    }

    void decide(RoutingDecision d) {
        latestVersion = Math.max(latestVersion, d.getAlertVersion());
        for (String body : d.getRecipients()) {
            BodyState s = bodies.computeIfAbsent(body, b -> new BodyState());
            if (d.getAlertVersion() > s.routedVersion) {
                s.routedVersion = d.getAlertVersion();
                s.routedAt = d.getDecidedAt();
            }
        }
        for (WithheldBody w : d.getWithheld()) {
            if (w.getReason() == WithholdReason.NOT_CONCERNED) {
                continue;
            }
            BodyState s = bodies.computeIfAbsent(w.getBody(), b -> new BodyState());
            if (d.getAlertVersion() > s.withheldVersion) {
                s.withheldVersion = d.getAlertVersion();
                s.withheldReason = w.getReason().name();
                s.withheldDetail = w.getDetail();
            }
        }
    }

    void receive(DeliveryReceipt r) {
        BodyState s = bodies.computeIfAbsent(r.getBody(), b -> new BodyState());
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

    /** The answer of {@code GET /api/v1/alerts/{id}/status}. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode().put("alertId", alertId).put("originAgency", originAgency)
                .put("latestVersion", latestVersion);
        ObjectNode b = o.putObject("bodies");
        bodies.forEach((body, s) -> {
            String state = s.state();
            ObjectNode n = b.putObject(body).put("state", state)
                    .put("version", state.equals("WITHHELD") ? s.withheldVersion : s.routedVersion);
            if (state.equals("WITHHELD")) {
                put(n, "reason", s.withheldReason);
                put(n, "detail", s.withheldDetail);
            }
            put(n, "routedAt", s.routedAt);
            put(n, "deliveredAt", s.deliveredAt);
            put(n, "acknowledgedAt", s.acknowledgedAt);
            put(n, "parkedAt", s.parkedAt);
            put(n, "parkedError", s.parkedError);
            put(n, "escalatedAt", s.escalatedAt);
            if (s.failedAttempts > 0) {
                n.put("failedAttempts", s.failedAttempts);
            }
        });
        return o;
    }

    private static void put(ObjectNode n, String field, Object value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }
}
