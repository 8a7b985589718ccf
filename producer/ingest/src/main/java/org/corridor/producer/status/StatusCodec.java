package org.corridor.producer.status;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link AlertStatus} as the store keeps it: JSON (UTF-8), every fact of every body and the positions of the
 * records applied, with fields that are unset left out. {@link #FORMAT} names this layout: a store written in another
 * is rebuilt from the topics.
 */
final class StatusCodec {

    static final String FORMAT = "status-json-1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private StatusCodec() {
    }

    static byte[] encode(AlertStatus status) {
        ObjectNode o = JSON.createObjectNode().put("alertId", status.alertId).put("originAgency", status.originAgency)
                .put("latestVersion", status.latestVersion);
        ObjectNode applied = o.putObject("applied");
        status.applied.forEach(applied::put);
        ObjectNode bodies = o.putObject("bodies");
        status.bodies.forEach((body, s) -> {
            ObjectNode n = bodies.putObject(body);
            version(n, "routedVersion", s.routedVersion);
            instant(n, "routedAt", s.routedAt);
            version(n, "deliveredVersion", s.deliveredVersion);
            instant(n, "deliveredAt", s.deliveredAt);
            instant(n, "acknowledgedAt", s.acknowledgedAt);
            version(n, "parkedVersion", s.parkedVersion);
            instant(n, "parkedAt", s.parkedAt);
            text(n, "parkedError", s.parkedError);
            instant(n, "escalatedAt", s.escalatedAt);
            version(n, "failedAttempts", s.failedAttempts);
            version(n, "withheldVersion", s.withheldVersion);
            text(n, "withheldReason", s.withheldReason);
            text(n, "withheldDetail", s.withheldDetail);
        });
        return JSON.writeValueAsBytes(o);
    }

    /** @throws IllegalArgumentException when the bytes are not a status in this format */
    static AlertStatus decode(byte[] bytes) {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stored alert status: " + e.getMessage(), e);
        }
        if (o == null || !o.path("alertId").isString() || !o.path("originAgency").isString()) {
            throw new IllegalArgumentException("not a stored alert status: no alertId or originAgency");
        }
        AlertStatus status = new AlertStatus(o.get("alertId").asString(), o.get("originAgency").asString());
        status.latestVersion = o.path("latestVersion").asInt();
        for (Map.Entry<String, JsonNode> e : o.path("applied").properties()) {
            status.applied.put(e.getKey(), e.getValue().asLong());
        }
        for (Map.Entry<String, JsonNode> e : o.path("bodies").properties()) {
            JsonNode n = e.getValue();
            AlertStatus.BodyState s = new AlertStatus.BodyState();
            s.routedVersion = n.path("routedVersion").asInt();
            s.routedAt = instant(n, "routedAt");
            s.deliveredVersion = n.path("deliveredVersion").asInt();
            s.deliveredAt = instant(n, "deliveredAt");
            s.acknowledgedAt = instant(n, "acknowledgedAt");
            s.parkedVersion = n.path("parkedVersion").asInt();
            s.parkedAt = instant(n, "parkedAt");
            s.parkedError = text(n, "parkedError");
            s.escalatedAt = instant(n, "escalatedAt");
            s.failedAttempts = n.path("failedAttempts").asInt();
            s.withheldVersion = n.path("withheldVersion").asInt();
            s.withheldReason = text(n, "withheldReason");
            s.withheldDetail = text(n, "withheldDetail");
            status.bodies.put(e.getKey(), s);
        }
        return status;
    }

    private static void version(ObjectNode n, String field, int value) {
        if (value != 0) {
            n.put(field, value);
        }
    }

    private static void instant(ObjectNode n, String field, Instant value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }

    private static void text(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
