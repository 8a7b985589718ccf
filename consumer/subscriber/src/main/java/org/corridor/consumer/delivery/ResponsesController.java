package org.corridor.consumer.delivery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.validation.Violation;
import org.corridor.support.thread.ThreadJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A body's side of the return channel ({@link BodyResponses}): post a response to an alert it holds, read the alert's
 * thread as it may see it. Only the body itself ({@link FeedsSecurity}, repeated on the handlers). Errors are RFC 9457
 * problems: 400 naming every invalid field, 403 for an alert version the body does not hold or a response naming
 * another responder, 409 for a reused Idempotency-Key or an ambiguous alert id, 503 when not decided now.
 */
@RestController
class ResponsesController {

    private final BodyResponses responses;
    private final FeedSinks sinks;
    private final ResponseIdempotency idempotency;

    ResponsesController(BodyResponses responses, FeedSinks sinks, ResponseIdempotency idempotency) {
        this.responses = responses;
        this.sinks = sinks;
        this.idempotency = idempotency;
    }

    /**
     * @param agency the alert's origin agency; needed only when alerts of several agencies with this id were delivered
     */
    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @PostMapping(path = "/api/v1/feeds/{body}/alerts/{alertId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> respond(@PathVariable String body, @PathVariable UUID alertId,
                              @RequestParam(required = false) String agency,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              @RequestBody String json) {
        if (sinks.of(body).isEmpty()) {
            return FeedsController.problem(HttpStatus.NOT_FOUND, "body-not-served", "body", body + " is not served by this subscriber");
        }
        return idempotency.answer(body, idempotencyKey, alertId + "\n" + agency + "\n" + json,
                () -> answer(body, alertId, agency, responses.respond(body, alertId, agency, json, idempotencyKey)));
    }

    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @GetMapping("/api/v1/feeds/{body}/alerts/{alertId}/responses")
    ResponseEntity<?> thread(@PathVariable String body, @PathVariable UUID alertId,
                             @RequestParam(required = false) String agency) {
        if (sinks.of(body).isEmpty()) {
            return FeedsController.problem(HttpStatus.NOT_FOUND, "body-not-served", "body", body + " is not served by this subscriber");
        }
        BodyResponses.Outcome outcome;
        try {
            outcome = responses.thread(body, alertId, agency);
        } catch (KafkaException e) {
            return notYet("the inbox could not be read now: " + e.getMessage());
        }
        if (outcome instanceof BodyResponses.Outcome.Held held) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(ThreadJson.of(held.thread(), "body", body, "alertId", alertId.toString()));
        }
        return answer(body, alertId, agency, outcome);
    }

    private static ResponseEntity<?> answer(String body, UUID alertId, String agency, BodyResponses.Outcome outcome) {
        if (outcome instanceof BodyResponses.Outcome.Published p) {
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(ThreadJson.accepted(p.response(), p.at()));
        }
        if (outcome instanceof BodyResponses.Outcome.Invalid invalid) {
            return violations(invalid.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
                    invalid.forbidden() ? "not-the-responder" : "invalid-response", invalid.violations());
        }
        if (outcome instanceof BodyResponses.Outcome.Refused refused) {
            return refusal(body, alertId, agency, refused.why());
        }
        return notYet(((BodyResponses.Outcome.NotYet) outcome).why());
    }

    private static ResponseEntity<ProblemDetail> refusal(String body, UUID alertId, String agency, DeliveredAlerts.Check why) {
        if (why instanceof DeliveredAlerts.Check.AgencyAmbiguous a) {
            ResponseEntity<ProblemDetail> p = FeedsController.problem(HttpStatus.CONFLICT, "agency-ambiguous", "agency",
                    "alerts of " + a.agencies().size() + " agencies with id " + alertId + " were delivered to " + body
                            + "; name one of " + a.agencies() + " with ?agency=");
            p.getBody().setProperty("agencies", a.agencies());
            return p;
        }
        if (why instanceof DeliveredAlerts.Check.VersionNotDelivered v) {
            ResponseEntity<ProblemDetail> p = FeedsController.problem(HttpStatus.FORBIDDEN, "not-entitled", "alertVersion",
                    v.version() + " of " + alertId + " was not delivered to " + body + "; delivered: " + v.delivered());
            p.getBody().setProperty("deliveredVersions", v.delivered());
            return p;
        }
        return FeedsController.problem(HttpStatus.FORBIDDEN, "not-entitled", "alertId", alertId
                + (agency == null ? "" : " of the agency named") + " was not delivered to " + body
                + ": only the recipients of an alert version and its originator may respond to it");
    }

    private static ResponseEntity<ProblemDetail> violations(HttpStatus status, String type, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violations.size() + " problem(s): "
                + violations.get(0) + (violations.size() > 1 ? "; ..." : ""));
        problem.setType(URI.create("urn:corridor:problem:" + type));
        problem.setProperty("errors", violations.stream().map(v -> {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("field", v.path());
            e.put("message", v.message());
            return e;
        }).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> notYet(String why) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(FeedsController.problemDetail(HttpStatus.SERVICE_UNAVAILABLE, "not-yet", null, why + "; try again"));
    }
}
