package org.corridor.producer.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.ResponseRouting;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
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
        /** The body's latest reported outcome (an OutcomeResult symbol) and when it was routed. */
        String outcome;
        Instant outcomeAt;
        /** The body's questions to the originator that no answer has closed yet: response id to due time. */
        final SortedMap<String, Instant> openQuestions = new TreeMap<>();

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
    /** Questions the originator answered (response ids): a question whose decision is read after its answer's stays closed. */
    final SortedSet<String> answered = new TreeSet<>();
    /** The markings of the latest routed version, as its decision recorded them (null before markings were recorded). */
    ReleasedMarkings released;
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

    /**
     * A question opened or closed by a routed response, for the index of due questions.
     *
     * @param priority the question's Priority symbol (null when not known)
     */
    record QuestionChange(boolean opened, String body, String questionId, Instant due, String priority) {
    }

    /**
     * Applies a routing decision: of an alert version, or of a response to one.
     *
     * @return the questions the decision opened or closed (none for a version's decision)
     */
    List<QuestionChange> decide(RoutingDecision d, QuestionDue dues) {
        if (d.getResponse() != null) {
            return respond(d, d.getResponse(), dues);
        }
        decideVersion(d);
        return List.of();
    }

    private void decideVersion(RoutingDecision d) {
        latestVersion = Math.max(latestVersion, d.getAlertVersion());
        if (d.getEffectiveMarkings() != null && (released == null || d.getAlertVersion() >= released.version())) {
            released = ReleasedMarkings.of(d.getAlertVersion(), d.getEffectiveMarkings());
        }
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

    /** A routed response: a body's outcome or question, or the originator's answer that closes a question. */
    private List<QuestionChange> respond(RoutingDecision d, ResponseRouting r, QuestionDue dues) {
        if (r.getResponderKind().equals("BODY")) {
            BodyState s = bodies.computeIfAbsent(r.getResponderId(), b -> new BodyState());
            String id = r.getResponseId().toString();
            if (r.getKind().equals("OUTCOME") && r.getOutcome() != null
                    && (s.outcomeAt == null || !d.getDecidedAt().isBefore(s.outcomeAt))) {
                s.outcome = r.getOutcome();
                s.outcomeAt = d.getDecidedAt();
            } else if (r.getKind().equals("QUESTION") && !answered.contains(id) && !s.openQuestions.containsKey(id)) {
                Instant due = dues.due(r.getDueAt(), d.getDecidedAt(), r.getPriority());
                s.openQuestions.put(id, due);
                return List.of(new QuestionChange(true, r.getResponderId(), id, due, r.getPriority()));
            }
        } else if (r.getKind().equals("ANSWER") && r.getInReplyTo() != null) {
            String question = r.getInReplyTo().toString();
            answered.add(question);
            List<QuestionChange> closed = new ArrayList<>();
            bodies.forEach((body, s) -> {
                Instant due = s.openQuestions.remove(question);
                if (due != null) {
                    closed.add(new QuestionChange(false, body, question, due, null));
                }
            });
            return closed;
        }
        return List.of();
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

    /** The answer of {@code GET /api/v1/alerts/{id}/status}, with no question overdue. */
    ObjectNode toJson(ObjectMapper json) {
        return toJson(json, Instant.MIN);
    }

    /** The answer of {@code GET /api/v1/alerts/{id}/status}; an open question due before {@code now} is overdue. */
    ObjectNode toJson(ObjectMapper json, Instant now) {
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
            put(n, "outcome", s.outcome);
            put(n, "outcomeAt", s.outcomeAt);
            if (!s.openQuestions.isEmpty()) {
                ArrayNode open = n.putArray("openQuestions");
                s.openQuestions.forEach((id, due) -> open.addObject().put("responseId", id).put("dueAt", due.toString())
                        .put("overdue", due.isBefore(now)));
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
