package org.corridor.consumer.delivery;

import org.corridor.support.webhook.HeaderValues;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.errors.RetriableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Body- and operator-facing API of the subscribers: acknowledge an alert, re-deliver a body's feed from a time,
 * re-drive its parked alerts. Who may call what is {@link FeedsSecurity}'s; the annotations repeat it on the handlers.
 * An acknowledgement is refused, as an RFC 9457 problem naming the field, unless it is of a version this subscriber
 * delivered to that body ({@link Acknowledgements}).
 */
@RestController
class FeedsController {

    private final Redriver redriver;
    private final Acknowledgements acknowledgements;
    private final FeedSinks sinks;

    FeedsController(Redriver redriver, Acknowledgements acknowledgements, FeedSinks sinks) {
        this.redriver = redriver;
        this.acknowledgements = acknowledgements;
        this.sinks = sinks;
    }

    /**
     * The body acknowledges an alert version delivered to it: an ACKNOWLEDGED receipt, and its deadline stops.
     *
     * @param version the version; by default the latest delivered to the body
     * @param agency  the alert's origin agency; needed only when alerts of several agencies with this id were delivered
     */
    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @PostMapping("/api/v1/feeds/{body}/alerts/{alertId}/ack")
    ResponseEntity<?> acknowledge(@PathVariable String body, @PathVariable UUID alertId,
                                  @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) String agency) {
        if (sinks.of(body).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "body-not-served", "body", body + " is not served by this subscriber");
        }
        if (version != null && version < 1) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "version", "must be at least 1, was " + version);
        }
        Acknowledgements.Outcome outcome = acknowledgements.acknowledge(body, alertId, agency, version);
        if (outcome instanceof Acknowledgements.Outcome.Acknowledged ok) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("body", body);
            answer.put("alertId", alertId.toString());
            answer.put("originAgency", ok.agency());
            answer.put("version", ok.version());
            answer.put("status", "ACKNOWLEDGED");
            return ResponseEntity.accepted().body(answer);
        }
        if (outcome instanceof Acknowledgements.Outcome.Refused refused) {
            return refusal(body, alertId, agency, refused.why());
        }
        String why = ((Acknowledgements.Outcome.NotYet) outcome).why();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemDetail(HttpStatus.SERVICE_UNAVAILABLE, "not-yet", null, why + "; try again"));
    }

    private static ResponseEntity<ProblemDetail> refusal(String body, UUID alertId, String agency, DeliveredAlerts.Check why) {
        if (why instanceof DeliveredAlerts.Check.VersionNotDelivered v) {
            ResponseEntity<ProblemDetail> p = problem(HttpStatus.CONFLICT, "version-not-delivered", "version",
                    v.version() + " of " + alertId + " was not delivered to " + body + "; delivered: " + v.delivered());
            p.getBody().setProperty("deliveredVersions", v.delivered());
            return p;
        }
        if (why instanceof DeliveredAlerts.Check.AgencyAmbiguous a) {
            ResponseEntity<ProblemDetail> p = problem(HttpStatus.CONFLICT, "agency-ambiguous", "agency",
                    "alerts of " + a.agencies().size() + " agencies with id " + alertId + " were delivered to " + body
                            + "; name one of " + a.agencies() + " with ?agency=");
            p.getBody().setProperty("agencies", a.agencies());
            return p;
        }
        return problem(HttpStatus.NOT_FOUND, "not-delivered", "alertId", alertId
                + (agency == null ? "" : " of the agency named") + " was not delivered to " + body
                + " (or is older than the alerts this subscriber holds for it)");
    }

    /** A path or query value of the wrong type ({@code alertId} not a UUID, {@code version} not a number). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getName(), "\"" + HeaderValues.printable(String.valueOf(e.getValue()), 100)
                + "\" is not a " + (type.equals("Integer") ? "number" : type));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String field, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemDetail(status, type, field, message));
    }

    /** An RFC 9457 problem; with a field, one entry under {@code errors} naming it. */
    static ProblemDetail problemDetail(HttpStatus status, String type, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field == null ? message : field + ": " + message);
        problem.setType(URI.create("urn:corridor:problem:" + type));
        if (field != null) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", field);
            entry.put("message", message);
            problem.setProperty("errors", List.of(entry));
        }
        return problem;
    }

    @PreAuthorize("hasRole('OPERATOR')")
    @PostMapping("/api/v1/feeds/{body}/redrive")
    ResponseEntity<?> redrive(@PathVariable String body) {
        try {
            return ResponseEntity.ok(redriver.redrive(body));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(404).body(Map.of("error", e.getMessage()));
        } catch (RetriableException e) {
            return notNow(e);
        }
    }

    /** Re-delivers the body's feed from a time (ISO-8601); receivers de-duplicate with the idempotency key. */
    @PreAuthorize("hasRole('OPERATOR')")
    @PostMapping("/api/v1/feeds/{body}/replay")
    ResponseEntity<?> replay(@PathVariable String body, @RequestParam String from) {
        Instant since;
        try {
            since = Instant.parse(from);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "from: \"" + from + "\" is not an ISO-8601 instant"));
        }
        try {
            return ResponseEntity.ok(redriver.replay(body, since));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(404).body(Map.of("error", e.getMessage()));
        } catch (RetriableException e) {
            return notNow(e);
        }
    }

    /** A write (park, receipt, dead letter) the broker did not take: the record stopped at stays uncommitted. */
    private static ResponseEntity<?> notNow(RetriableException e) {
        return ResponseEntity.status(503).header("Retry-After", "5")
                .body(Map.of("error", "stopped before the end, nothing lost; try again", "cause", String.valueOf(e.getMessage())));
    }
}
