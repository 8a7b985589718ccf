package org.corridor.producer.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts}: publish, correct and retract alerts. The bearer token decides the origin agency; an alert
 * is answered 202 only after the broker acknowledged it. The handlers return futures: a request waiting for the broker
 * holds no servlet thread, and Spring MVC writes the answer on an async dispatch (authorised again by Spring Security,
 * not counted again by the rate limit).
 */
@RestController
@PreAuthorize("hasRole('AGENCY')")
@RequestMapping(path = "/api/v1/alerts", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class AlertsController {

    private final PublishCall publish;
    private final BatchPublication batch;
    private final IdempotencyCache idempotency;
    private final IngestMetrics metrics;
    private final Clock clock;

    AlertsController(PublishCall publish, BatchPublication batch, IdempotencyCache idempotency, IngestMetrics metrics,
                     Clock clock) {
        this.publish = publish;
        this.batch = batch;
        this.idempotency = idempotency;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Operation(summary = "Publish a new alert",
            description = "The body is the JSON form of a TraffickingAlert (see docs/api.md). alertId is optional "
                    + "(generated when absent); version, lifecycle, reportedAt and originAgency are set by the service.",
            responses = {
                @ApiResponse(responseCode = "202", description = "on the broker: alertId, version, topic, partition, offset"),
                @ApiResponse(responseCode = "400", description = "invalid alert; every invalid field under errors",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "401", description = "missing or wrong bearer token"),
                @ApiResponse(responseCode = "403", description = "the body names another agency"),
                @ApiResponse(responseCode = "409", description = "Idempotency-Key reused with another body, or alertId exists"),
                @ApiResponse(responseCode = "413", description = "body over the size limit"),
                @ApiResponse(responseCode = "503", description = "the broker cannot take the write now; see Retry-After")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> publish(@RequestBody @Schema(description = "alert JSON") String body,
                              @Parameter(description = "repeat-safe key: same key and body return the first answer")
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              HttpServletRequest request) {
        AgencyAccount agency = agency(request);
        return idempotent(agency, idempotencyKey, "POST " + body, () -> {
            NewAlert alert = NewAlert.read(agency, body, publish, traceId(request), clock);
            return alert.refusal() != null ? rejected(agency, alert.refusal(), alert.reason())
                    : publish.send(agency, alert.publication());
        });
    }

    @Operation(summary = "Publish up to corridor.ingest.batch-max-alerts new alerts in one request",
            description = "The body is a JSON array of alerts, each as for POST /api/v1/alerts. Every alert is "
                    + "published or refused on its own; the answer (200) comes once the broker acknowledged every "
                    + "published one and lists one result per alert, in order: the 202 entry or the problem.",
            responses = {
                @ApiResponse(responseCode = "200", description = "accepted, rejected and one result per alert"),
                @ApiResponse(responseCode = "400", description = "not an array, empty, or over the alert limit",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "401", description = "missing or wrong bearer token"),
                @ApiResponse(responseCode = "409", description = "Idempotency-Key reused with another body"),
                @ApiResponse(responseCode = "413", description = "body over corridor.ingest.batch-max-body-size"),
                @ApiResponse(responseCode = "429", description = "the batch would exceed the agency's alerts per second")})
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> publishBatch(@RequestBody @Schema(description = "JSON array of alerts") String body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                   HttpServletRequest request) {
        AgencyAccount agency = agency(request);
        return idempotent(agency, idempotencyKey, "POST batch " + body, () -> batch.publish(agency, body, traceId(request)),
                BatchPublication::isFinal);
    }

    @Operation(summary = "The latest version of one of the calling agency's alerts",
            description = "The JSON form of the version as the log holds it (what a correction starts from). Another "
                    + "agency's alert and an unknown id get the same 404.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the alert version's JSON"),
                @ApiResponse(responseCode = "401", description = "missing or wrong bearer token"),
                @ApiResponse(responseCode = "404", description = "not one of the agency's alerts",
                        content = @Content(mediaType = "application/problem+json"))})
    @GetMapping(path = "/{alertId}")
    ResponseEntity<?> latest(@PathVariable UUID alertId, HttpServletRequest request) {
        AgencyAccount agency = agency(request);
        // Read from the agency's own inbound topic only: another agency's id is simply not there.
        return publish.publisher(agency.id()).latest(agency.id(), alertId)
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(AlertJson.toJson(a)))
                .orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-alert",
                        "no alert " + alertId + " of agency " + agency.id()));
    }

    @Operation(summary = "Correct an alert", description = "Publishes the body as the next version (lifecycle UPDATE).")
    @PutMapping(path = "/{alertId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> correct(@PathVariable UUID alertId, @RequestBody String body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              HttpServletRequest request) {
        AgencyAccount agency = agency(request);
        return idempotent(agency, idempotencyKey, "PUT " + alertId + " " + body, () -> {
            AgencyAlert own = AgencyAlert.read(agency, AlertJson.read(body));
            if (own.refusal() != null) {
                return rejected(agency, own.refusal(), own.reason());
            }
            TraffickingAlert alert = own.alert();
            if (alert.getAlertId() != null && !alert.getAlertId().equals(alertId)) {
                return rejected(agency, Problems.invalid(List.of(new Violation("alertId",
                        "differs from the alert id in the path " + alertId))), Reason.INVALID);
            }
            alert.setAlertId(alertId);
            AgencyAlert.stamp(alert, agency, clock);
            // The publisher numbers the version, marks it UPDATE and validates what it will write; it reads the log
            // and waits for the acknowledgement under the alert's lock, so it runs off the servlet thread.
            String traceId = traceId(request);
            return publish.sendWaiting(agency, () -> publish.publisher(agency.id()).update(alert, traceId));
        });
    }

    @Operation(summary = "Retract an alert", description = "Body {\"reason\": \"...\"}; publishes the next version as RETRACTION.")
    @DeleteMapping(path = "/{alertId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<?>> retract(@PathVariable UUID alertId, @RequestBody Map<String, Object> body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                              HttpServletRequest request) {
        AgencyAccount agency = agency(request);
        Object reason = body.get("reason");
        return idempotent(agency, idempotencyKey, "DELETE " + alertId + " " + body, () -> {
            if (!(reason instanceof String text) || text.isBlank()) {
                return rejected(agency, Problems.invalid(List.of(new Violation("reason", "must not be blank"))), Reason.INVALID);
            }
            String traceId = traceId(request);
            return publish.sendWaiting(agency, () -> publish.publisher(agency.id()).retract(agency.id(), alertId, text, traceId));
        });
    }

    private CompletableFuture<ResponseEntity<?>> idempotent(AgencyAccount agency, String key, String request,
                                                            Supplier<CompletableFuture<ResponseEntity<?>>> handler) {
        return idempotent(agency, key, request, handler, IdempotencyCache::isFinal);
    }

    private CompletableFuture<ResponseEntity<?>> idempotent(AgencyAccount agency, String key, String request,
                                                            Supplier<CompletableFuture<ResponseEntity<?>>> handler,
                                                            Predicate<ResponseEntity<?>> remember) {
        if (key == null || key.isBlank()) {
            return handler.get();
        }
        CompletableFuture<ResponseEntity<?>> answer = idempotency.answer(agency.id(), key, sha256(request), handler, remember);
        if (answer == null) {
            return rejected(agency, Problems.of(HttpStatus.CONFLICT, "idempotency-key-reused",
                    "Idempotency-Key was already used with a different request"), Reason.CONFLICT);
        }
        return answer;
    }

    private CompletableFuture<ResponseEntity<?>> rejected(AgencyAccount agency, ResponseEntity<?> response, Reason reason) {
        metrics.rejected(agency.id(), reason);
        return CompletableFuture.completedFuture(response);
    }

    private static AgencyAccount agency(HttpServletRequest request) {
        return (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
    }

    /** The caller's X-Trace-Id when it is a plain token, else a new one: a header is data, not a fact. */
    static String traceId(HttpServletRequest request) {
        String given = request.getHeader("X-Trace-Id");
        return given != null && given.matches("[A-Za-z0-9._-]{1,128}") ? given : UUID.randomUUID().toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
