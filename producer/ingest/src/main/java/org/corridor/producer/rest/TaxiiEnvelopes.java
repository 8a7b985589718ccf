package org.corridor.producer.rest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.producer.publish.PublishResult;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.stix.StixAlertReader;
import org.corridor.schemas.stix.StixAlertReader.Posted;
import org.corridor.schemas.stix.StixIds;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Publishes the reports of a TAXII envelope as the token's agency, each on its own: read back from Corridor's STIX
 * mapping ({@link StixAlertReader}), then published, corrected or retracted as its lifecycle says, through the same
 * {@link PublishCall} as REST (so the same validation and answers), the violations told at the envelope's properties.
 * A report whose {@code created_by_ref} names another identity than the agency's is refused. Every object of the
 * envelope is decided once ({@link #decide}); an object no report refers to is refused (Corridor takes alerts, nothing
 * else). The status is complete once every publication has its answer.
 */
@Component
class TaxiiEnvelopes {

    private final PublishCall publish;
    private final IngestMetrics metrics;
    private final Clock clock;

    TaxiiEnvelopes(PublishCall publish, IngestMetrics metrics, Clock clock) {
        this.publish = publish;
        this.metrics = metrics;
        this.clock = clock;
    }

    CompletableFuture<TaxiiStatuses.Status> publish(AgencyAccount agency, StixAlertReader.Envelope envelope,
                                                    List<String> ids, TaxiiStatuses.Status status, String traceId) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (Posted p : envelope.reports()) {
            outcomes.add(answer(agency, p, traceId));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).thenApply(x -> {
            decide(envelope, ids, outcomes.stream().map(CompletableFuture::join).toList(), status);
            return status;
        });
    }

    /**
     * Each object once: a report, its observed-data, place and consignment get the report's outcome; an object they
     * refer to (an identity, a marking, a country) is taken when a report that uses it was published; a second copy
     * of an id and an object no report uses are refused.
     */
    private static void decide(StixAlertReader.Envelope envelope, List<String> ids, List<Outcome> outcomes,
                               TaxiiStatuses.Status status) {
        // Who owns, uses and published each object, computed once: an envelope may hold thousands of objects.
        Map<String, Integer> first = new java.util.HashMap<>();
        Map<Integer, Integer> owner = new java.util.HashMap<>();
        Map<Integer, Integer> publishedBy = new java.util.HashMap<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int r = 0; r < outcomes.size(); r++) {
            Posted p = envelope.reports().get(r);
            StixAlertReader.Where w = p.where();
            for (int own : new int[] {w.report(), w.observed(), w.place(), w.consignment()}) {
                if (own >= 0) {
                    owner.putIfAbsent(own, r);
                }
            }
            for (int i : p.parts()) {
                used.add(i);
                if (outcomes.get(r).ok()) {
                    publishedBy.putIfAbsent(i, r);
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            first.putIfAbsent(ids.get(i), i);
            int firstAt = first.get(ids.get(i));
            if (firstAt != i) {
                status.failed(new TaxiiStatuses.Detail(ids.get(i), null, "objects[" + firstAt + "] has the same id"));
            } else if (owner.containsKey(i)) {
                int r = owner.get(i);
                Posted p = envelope.reports().get(r);
                report(status, ids.get(i), p, outcomes.get(r), i == p.index());
            } else if (publishedBy.containsKey(i)) {
                status.succeeded(new TaxiiStatuses.Detail(ids.get(i), null, "taken with "
                        + envelope.reports().get(publishedBy.get(i)).id()));
            } else {
                status.failed(new TaxiiStatuses.Detail(ids.get(i), null, used.contains(i) ? "every report that uses it was refused"
                        : "no report of this envelope refers to it; Corridor takes reports of alerts in its mapping (docs/stix.md)"));
            }
        }
    }

    private static void report(TaxiiStatuses.Status status, String id, Posted p, Outcome outcome, boolean isReport) {
        var d = new TaxiiStatuses.Detail(id, isReport ? p.version() : null, (isReport ? "" : "part of " + p.id() + ": ")
                + outcome.message());
        if (outcome.ok()) {
            status.succeeded(d);
        } else {
            status.failed(d);
        }
    }

    private record Outcome(boolean ok, String message) {
    }

    private CompletableFuture<Outcome> answer(AgencyAccount agency, Posted p, String traceId) {
        if (!p.ok()) {
            metrics.rejected(agency.id(), Reason.INVALID);
            return done(false, invalid(p.violations()));
        }
        String own = StixIds.agency(agency.id());
        if (p.createdBy() != null && !p.createdBy().equals(own)) {
            metrics.rejected(agency.id(), Reason.FORBIDDEN);
            return done(false, "objects[" + p.index() + "].created_by_ref: " + p.createdBy() + " is not the identity of "
                    + "agency " + agency.id() + " (" + own + "), the agency of this token");
        }
        TraffickingAlert alert = p.alert();
        AgencyAlert.stamp(alert, agency, clock);
        UUID id = alert.getAlertId();
        Supplier<CompletableFuture<PublishResult>> call;
        CompletableFuture<ResponseEntity<?>> answer;
        if (alert.getLifecycle() == Lifecycle.NEW) {
            if (id == null) {
                alert.setAlertId(UUID.randomUUID());
            }
            call = () -> id == null ? publish.publisher(agency.id()).publish(alert, traceId)
                    : publish.publisher(agency.id()).publishNew(alert, traceId);
            answer = publish.send(agency, call);
        } else if (id == null) {
            metrics.rejected(agency.id(), Reason.INVALID);
            return done(false, invalid(p.located(List.of(new Violation("alertId", "a " + alert.getLifecycle()
                    + " names the alert it changes")))));
        } else if (alert.getLifecycle() == Lifecycle.UPDATE) {
            answer = publish.sendWaiting(agency, () -> publish.publisher(agency.id()).update(alert, traceId));
        } else {
            String reason = alert.getRetractionReason();
            if (reason == null || reason.isBlank()) {
                metrics.rejected(agency.id(), Reason.INVALID);
                return done(false, invalid(p.located(List.of(new Violation("retractionReason", "a retraction says why")))));
            }
            answer = publish.sendWaiting(agency, () -> publish.publisher(agency.id()).retract(agency.id(), id, reason, traceId));
        }
        return answer.thenApply(r -> outcome(agency.id(), p, r));
    }

    /** The publication's REST answer as a status message; invalid fields are told at the envelope's properties. */
    private static Outcome outcome(String agency, Posted p, ResponseEntity<?> r) {
        if (r.getStatusCode().value() == 202 && r.getBody() instanceof Map<?, ?> body) {
            String alertId = String.valueOf(body.get("alertId"));
            return new Outcome(true, "published as alert " + alertId + " version " + body.get("version")
                    + "; the bodies' TAXII collections serve it as " + StixIds.report(agency, UUID.fromString(alertId)));
        }
        if (r.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
                List<Violation> v = new ArrayList<>();
                for (Object e : errors) {
                    if (e instanceof Map<?, ?> m) {
                        v.add(new Violation(String.valueOf(m.get("field")), String.valueOf(m.get("message"))));
                    }
                }
                return new Outcome(false, invalid(p.located(v)));
            }
            if (String.valueOf(problem.getType()).endsWith(":alert-exists")) {
                return new Outcome(false, "409: alert " + p.alert().getAlertId() + " was already published; to correct it, post "
                        + "its report with lifecycle UPDATE in Corridor's extension (or revoked: true to retract it)");
            }
            return new Outcome(false, r.getStatusCode().value() + ": " + problem.getDetail());
        }
        return new Outcome(false, "not published (" + r.getStatusCode().value() + ")");
    }

    private static String invalid(List<Violation> violations) {
        StringBuilder m = new StringBuilder(violations.size() + " invalid field" + (violations.size() == 1 ? "" : "s") + ": ");
        for (int i = 0; i < violations.size(); i++) {
            m.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        return m.toString();
    }

    private static CompletableFuture<Outcome> done(boolean ok, String message) {
        return CompletableFuture.completedFuture(new Outcome(ok, message));
    }
}
