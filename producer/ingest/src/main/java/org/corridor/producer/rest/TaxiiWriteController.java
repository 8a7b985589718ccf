package org.corridor.producer.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.schemas.stix.StixAlertReader;
import org.corridor.support.http.taxii.TaxiiErrors;
import org.corridor.support.http.taxii.TaxiiMedia;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 for agencies: one API root per agency ({@code /taxii2/<agency>/}) with one write-only collection,
 * {@code alerts}, that takes envelopes of reports in Corridor's STIX mapping and publishes them as that agency
 * ({@link TaxiiEnvelopes}); the answer is the request's status resource, also at {@code status/<id>/} for
 * {@code idempotency-ttl} (a day by default).
 * Only the token's agency ({@code IngestSecurity}, again on each handler). A request counts one rate-limit permit per
 * report, as a batch does per alert, and holds at most {@code batch-max-alerts} reports.
 */
@RestController
class TaxiiWriteController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENCY_ONLY = "hasAuthority('AGENCY_' + #agency)";
    private static final String ALIAS = "alerts";

    private final TaxiiEnvelopes envelopes;
    private final TaxiiStatuses statuses;
    private final IngestProperties properties;
    private final AgencyRateLimits limits;
    private final IngestMetrics metrics;
    private final Clock clock;

    TaxiiWriteController(TaxiiEnvelopes envelopes, TaxiiStatuses statuses, IngestProperties properties,
                         AgencyRateLimits limits, IngestMetrics metrics, Clock clock) {
        this.envelopes = envelopes;
        this.statuses = statuses;
        this.properties = properties;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('AGENCY')")
    @GetMapping(path = "/taxii2/", produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> discovery(HttpServletRequest request) {
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/{agency}/")
                .buildAndExpand(agency(request).id()).toUriString();
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("title", "Corridor: publish alerts");
        d.put("description", "Each agency's API root takes its alerts as STIX 2.1 reports in Corridor's mapping.");
        d.put("default", root);
        d.putArray("api_roots").add(root);
        return ok(d);
    }

    @PreAuthorize(AGENCY_ONLY)
    @GetMapping(path = "/taxii2/{agency}/", produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> apiRoot(@PathVariable String agency) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("title", "Corridor: " + agency);
        r.put("description", "Alerts published by " + agency + " through TAXII.");
        r.putArray("versions").add(TaxiiMedia.TAXII);
        r.put("max_content_length", properties.batchMaxBodySize().toBytes());
        return ok(r);
    }

    @PreAuthorize(AGENCY_ONLY)
    @GetMapping(path = "/taxii2/{agency}/collections/", produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> collections(@PathVariable String agency) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.putArray("collections").add(collection(agency));
        return ok(r);
    }

    @PreAuthorize(AGENCY_ONLY)
    @GetMapping(path = "/taxii2/{agency}/collections/{id}/", produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> collection(@PathVariable String agency, @PathVariable String id) {
        return isCollection(agency, id) ? ok(collection(agency)) : noCollection(agency, id);
    }

    @PreAuthorize(AGENCY_ONLY)
    @GetMapping(path = {"/taxii2/{agency}/collections/{id}/objects/", "/taxii2/{agency}/collections/{id}/manifest/"},
            produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> read(@PathVariable String agency, @PathVariable String id) {
        return isCollection(agency, id) ? TaxiiErrors.of(HttpStatus.FORBIDDEN, "Write-only collection", "an agency's "
                + "collection takes alerts (can_read: false); the bodies read theirs on the subscribers' TAXII server")
                : noCollection(agency, id);
    }

    @PreAuthorize(AGENCY_ONLY)
    @PostMapping(path = "/taxii2/{agency}/collections/{id}/objects/", consumes = TaxiiMedia.TAXII, produces = TaxiiMedia.TAXII)
    CompletableFuture<ResponseEntity<ObjectNode>> add(@PathVariable String agency, @PathVariable String id,
                                                       @RequestBody byte[] body, HttpServletRequest request) {
        AgencyAccount account = agency(request);
        if (!isCollection(agency, id)) {
            return done(noCollection(agency, id));
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            metrics.rejected(account.id(), Reason.MALFORMED);
            return done(TaxiiErrors.of(HttpStatus.BAD_REQUEST, "Malformed envelope", "malformed JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr())));
        }
        StixAlertReader.Envelope envelope = StixAlertReader.read(root);
        if (envelope.problem() != null) {
            metrics.rejected(account.id(), Reason.INVALID);
            return done(TaxiiErrors.of(HttpStatus.BAD_REQUEST, "Invalid envelope", envelope.problem().toString()));
        }
        int reports = envelope.reports().size();
        if (reports > properties.batchMaxAlerts()) {
            metrics.rejected(account.id(), Reason.INVALID);
            return done(TaxiiErrors.of(HttpStatus.PAYLOAD_TOO_LARGE, "Too many reports", "the envelope holds " + reports
                    + " reports; one request holds at most " + properties.batchMaxAlerts() + " (corridor.ingest.batch-max-alerts)"));
        }
        if (properties.rateLimit() > 0 && reports > 1 && !limits.acquire(account.id(), reports - 1)) {
            metrics.rejected(account.id(), Reason.TOO_MANY_REQUESTS);
            ResponseEntity<ObjectNode> e = TaxiiErrors.of(HttpStatus.TOO_MANY_REQUESTS, "Too many alerts", "agency "
                    + account.id() + " may send " + limits.perSecond() + " alerts per second; this envelope holds " + reports);
            return done(ResponseEntity.status(429).headers(e.getHeaders())
                    .header("Retry-After", Long.toString(limits.retryAfterSeconds())).body(e.getBody()));
        }
        List<String> ids = new ArrayList<>();
        root.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        TaxiiStatuses.Status status = statuses.start(account.id(), clock.instant(), envelope.total());
        return envelopes.publish(account, envelope, ids, status, AlertsController.traceId(request))
                .thenApply(s -> ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.parseMediaType(TaxiiMedia.TAXII))
                        .body(s.resource()));
    }

    @PreAuthorize(AGENCY_ONLY)
    @GetMapping(path = "/taxii2/{agency}/status/{statusId}/", produces = TaxiiMedia.TAXII)
    ResponseEntity<ObjectNode> status(@PathVariable String agency, @PathVariable String statusId) {
        TaxiiStatuses.Status s = statuses.of(agency, statusId);
        return s == null ? TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such status", "no request " + statusId + " of " + agency
                + " in the last " + properties.idempotencyTtl() + " (corridor.ingest.idempotency-ttl)") : ok(s.resource());
    }

    static String collectionId(String agency) {
        return UUID.nameUUIDFromBytes(("corridor/taxii/agency/" + agency + "/" + ALIAS).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isCollection(String agency, String id) {
        return ALIAS.equals(id) || collectionId(agency).equalsIgnoreCase(id);
    }

    private static ObjectNode collection(String agency) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", collectionId(agency));
        o.put("title", "Alerts of " + agency);
        o.put("description", "POST envelopes of reports in Corridor's STIX mapping (docs/stix.md): each is published, "
                + "corrected or retracted as " + agency + ", validated as REST alerts are.");
        o.put("alias", ALIAS);
        o.put("can_read", false);
        o.put("can_write", true);
        o.putArray("media_types").add(TaxiiMedia.STIX);
        return o;
    }

    private static ResponseEntity<ObjectNode> noCollection(String agency, String id) {
        return TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such collection", "no collection " + id + " in " + agency + "'s API root");
    }

    private static ResponseEntity<ObjectNode> ok(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TaxiiMedia.TAXII)).body(body);
    }

    private static CompletableFuture<ResponseEntity<ObjectNode>> done(ResponseEntity<ObjectNode> answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private static AgencyAccount agency(HttpServletRequest request) {
        return (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
    }
}
