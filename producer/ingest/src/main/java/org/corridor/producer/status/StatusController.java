package org.corridor.producer.status;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/alerts/{id}/status}: per body, what happened to one of the calling agency's alerts. Another
 * agency's alert is answered exactly like an unknown one (404), so its existence does not leak.
 */
@RestController
class StatusController {

    static final int MAX_LIST = 500;

    private final AlertStatusView view;

    StatusController(AlertStatusView view) {
        this.view = view;
    }

    /** {@code GET /api/v1/alerts?limit=N}: the calling agency's alerts' statuses, the most recently routed first. */
    @PreAuthorize("hasRole('AGENCY')")
    @GetMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(defaultValue = "50") int limit,
                           @RequestAttribute(StatusAuth.AGENCY_ID) String agencyId) {
        if (limit < 1 || limit > MAX_LIST) {
            return ResponseEntity.status(400).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDetail
                    .forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit: " + limit + " is not between 1 and " + MAX_LIST));
        }
        var alerts = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        view.statuses(agencyId, limit).forEach(alerts::add);
        var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.set("alerts", alerts);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    @PreAuthorize("hasRole('AGENCY')")
    @GetMapping(path = "/api/v1/alerts/{alertId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> status(@PathVariable UUID alertId, @RequestAttribute(StatusAuth.AGENCY_ID) String agencyId) {
        return view.status(agencyId, alertId.toString())
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.toString()))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no alert " + alertId + " of this agency")));
    }
}
