package org.corridor.producer.rest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.KafkaException;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The originating agency's side of the return channel ({@link AgencyResponses}): answer, comment on or follow up its
 * own alert, and read the alert's thread. The bearer token decides the agency. RFC 9457 problems: 400 naming every
 * invalid field, 403 for a response naming another responder, 404 for an alert that is not the agency's (as for an
 * unknown one), 409 for a reused Idempotency-Key, 503 when the broker cannot take it now.
 */
@RestController
class AgencyResponsesController {

    private final AgencyResponses responses;
    private final IdempotencyCache idempotency;

    AgencyResponsesController(AgencyResponses responses, IdempotencyCache idempotency) {
        this.responses = responses;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Respond to one of the agency's alerts",
            description = "The body is the JSON form of an AlertResponse (docs/return-channel.md); responder, alertAgency, "
                    + "alertId and, by default, alertVersion (the latest routed) and respondedAt are set by the service.")
    @PreAuthorize("hasRole('AGENCY')")
    @PostMapping(path = "/api/v1/alerts/{alertId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    CompletableFuture<ResponseEntity<?>> respond(@PathVariable UUID alertId, @RequestBody String body,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                                 HttpServletRequest request) {
        AgencyAccount agency = (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return CompletableFuture.completedFuture(answer(alertId, responses.respond(agency.id(), alertId, body, null)));
        }
        CompletableFuture<ResponseEntity<?>> answer = idempotency.answer(agency.id(), "responses\n" + idempotencyKey,
                alertId + "\n" + body, () -> CompletableFuture.completedFuture(
                        answer(alertId, responses.respond(agency.id(), alertId, body, idempotencyKey))),
                r -> r.getStatusCode().value() != 503);
        return answer != null ? answer : CompletableFuture.completedFuture(Problems.of(HttpStatus.CONFLICT,
                "idempotency-key-reused", "Idempotency-Key was already used with a different request"));
    }

    @Operation(summary = "The thread of one of the agency's alerts: every response to it, in routing order")
    @PreAuthorize("hasRole('AGENCY')")
    @GetMapping(path = "/api/v1/alerts/{alertId}/responses", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> thread(@PathVariable UUID alertId, HttpServletRequest request) {
        AgencyAccount agency = (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
        AgencyResponses.Outcome outcome;
        try {
            outcome = responses.thread(agency.id(), alertId);
        } catch (KafkaException e) {
            return notYet("the inbox could not be read now: " + e.getMessage());
        }
        if (outcome instanceof AgencyResponses.Outcome.Held held) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(ThreadJson.of(held.thread(), "alertAgency", agency.id(), "alertId", alertId.toString()));
        }
        return answer(alertId, outcome);
    }

    private static ResponseEntity<?> answer(UUID alertId, AgencyResponses.Outcome outcome) {
        if (outcome instanceof AgencyResponses.Outcome.Published p) {
            tools.jackson.databind.node.ObjectNode answer = ThreadJson.accepted(p.response(), p.at());
            if (p.released() != null) {
                // The approved re-share: the version that releases the alert to the approved bodies.
                answer.putObject("released").put("version", p.released().version()).put("topic", p.released().topic())
                        .put("partition", p.released().partition()).put("offset", p.released().offset());
            }
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
        if (outcome instanceof AgencyResponses.Outcome.Invalid invalid) {
            ResponseEntity<ProblemDetail> p = Problems.invalid(invalid.violations());
            if (invalid.forbidden()) {
                ResponseEntity<ProblemDetail> forbidden = Problems.of(HttpStatus.FORBIDDEN, "not-the-responder",
                        invalid.violations().get(0).toString());
                forbidden.getBody().setProperty("errors", p.getBody().getProperties().get("errors"));
                return forbidden;
            }
            p.getBody().setType(java.net.URI.create("urn:corridor:problem:invalid-response"));
            return p;
        }
        if (outcome instanceof AgencyResponses.Outcome.Conflict conflict) {
            return Problems.of(HttpStatus.CONFLICT, "cannot-decide", conflict.why());
        }
        if (outcome instanceof AgencyResponses.Outcome.Unknown) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no alert " + alertId + " of this agency was routed");
        }
        return notYet(((AgencyResponses.Outcome.NotYet) outcome).why());
    }

    private static ResponseEntity<?> notYet(String why) {
        ResponseEntity<ProblemDetail> p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet", why + "; try again");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p.getBody());
    }
}
