package org.corridor.consumer.feedview;


import org.corridor.consumer.delivery.AcknowledgedAlerts;
import org.corridor.consumer.taxii.BodyFeeds;
import org.corridor.consumer.taxii.TaxiiAccess;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/feeds/{body}/alerts?limit=N}: the latest version of each alert in the body's feed, newest first
 * ({@link FeedView}). Only the body itself (FeedsSecurity, and again here); read with the body's own Kafka principal,
 * so it cannot hold more than the body received. Records that cannot be decoded are left out and counted
 * ({@code undecodable}); the feed's listener has dead-lettered them.
 */
@RestController
class FeedViewController {

    static final int MAX_LIMIT = 1000;

    private final BodyFeeds feeds;
    private final AcknowledgedAlerts acknowledged;

    FeedViewController(TaxiiAccess access, SchemaRegistryClient registry, AcknowledgedAlerts acknowledged) {
        this.feeds = new BodyFeeds(access, registry);
        this.acknowledged = acknowledged;
    }

    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @GetMapping(path = "/api/v1/feeds/{body}/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> alerts(@PathVariable String body, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return problem(HttpStatus.BAD_REQUEST, "limit: " + limit + " is not between 1 and " + MAX_LIMIT);
        }
        return feeds.answer(body, s -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(FeedView.page(FeedView.latest(s.entries(), limit,
                        (agency, id) -> acknowledged.acknowledged(body, agency, id)), s.undecodable()).toString()));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
