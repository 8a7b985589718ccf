package org.corridor.producer.status;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** What happened to one alert, body by body. Mutable; guarded by the view's lock. */
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

    AlertStatus(String alertId, String originAgency) {
        this.alertId = alertId;
        this.originAgency = originAgency;
    }

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
