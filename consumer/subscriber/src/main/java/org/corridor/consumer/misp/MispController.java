package org.corridor.consumer.misp;


import org.corridor.consumer.taxii.BodyFeeds;
import org.corridor.consumer.taxii.TaxiiAccess;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MISP feed of a body, {@code /misp/<body>/}: {@code manifest.json}, {@code hashes.csv} and {@code <uuid>.json},
 * the layout a MISP instance pulls as a remote feed of format "MISP Feed" (with the body's HTTP basic credentials in
 * the feed's headers). Only the body itself (FeedsSecurity, again on each handler); the feed is read with the body's
 * own Kafka principal, so it cannot hold more than the body received.
 */
@RestController
class MispController {

    private static final Logger log = LoggerFactory.getLogger(MispController.class);
    private static final String BODY_ONLY = "hasAuthority('BODY_' + #body)";
    /** How many records of the feed could not be decoded, when some could not: they are not in the MISP feed. */
    static final String UNDECODABLE = "X-Corridor-Undecodable";

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BodyFeeds feeds;

    MispController(TaxiiAccess access, SchemaRegistryClient registry) {
        this.feeds = new BodyFeeds(access, registry);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/misp/{body}/manifest.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> manifest(@PathVariable String body) {
        return withFeed(body, feed -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(feed.manifest()));
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/misp/{body}/hashes.csv", produces = "text/csv")
    ResponseEntity<?> hashes(@PathVariable String body) {
        return withFeed(body, feed -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(feed.hashes()));
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/misp/{body}/{uuid}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> event(@PathVariable String body, @PathVariable String uuid) {
        if (!UUID_FORM.matcher(uuid).matches()) {
            return problem(HttpStatus.NOT_FOUND, "an event file is named by its uuid, lower case: " + uuid + ".json is not");
        }
        return withFeed(body, feed -> {
            var event = feed.event(uuid);
            return event == null ? problem(HttpStatus.NOT_FOUND, "no event " + uuid + " in " + body + "'s feed")
                    : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(event);
        });
    }

    private ResponseEntity<?> withFeed(String body, java.util.function.Function<MispFeed, ResponseEntity<?>> answer) {
        return feeds.answer(body, s -> {
            ResponseEntity<?> r = answer.apply(MispFeed.of(s.entries()));
            if (s.undecodable() == 0) {
                return r;
            }
            log.warn("misp: {} records of {}'s feed could not be decoded and are not in its MISP feed", s.undecodable(), body);
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header(UNDECODABLE, String.valueOf(s.undecodable())).body(r.getBody());
        });
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
