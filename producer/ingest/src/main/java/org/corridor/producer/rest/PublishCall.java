package org.corridor.producer.rest;

import org.corridor.schemas.validation.InvalidAlertException;
import org.corridor.producer.publish.AlertExistsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.producer.publish.AlertPublisher;
import org.corridor.producer.publish.PublishException;
import org.corridor.producer.publish.PublishResult;
import org.corridor.producer.publish.UnknownAlertException;
import org.corridor.producer.publish.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs a publication and turns its outcome into the answer: 202 with where the broker put it, 404 for an unknown
 * alert, 409 when another publisher wrote the same version first, 503 with Retry-After when the broker or registry
 * cannot take it now or has not acknowledged it within {@code publish-timeout} (never 202 for an unwritten alert).
 * Nothing here waits: the answer is a future completed from the producer's callback, or by the timeout, whichever
 * comes first; the other outcome is then ignored, so the metrics count each publication once.
 */
@Component
class PublishCall {

    private static final Logger log = LoggerFactory.getLogger(PublishCall.class);
    private final AgencyPublishers publishers;
    private final BlockingPublications corrections;
    private final IngestProperties properties;
    private final IngestMetrics metrics;

    PublishCall(AgencyPublishers publishers, BlockingPublications corrections, IngestProperties properties,
                IngestMetrics metrics) {
        this.publishers = publishers;
        this.corrections = corrections;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** The publisher of the agency's requests. */
    AlertPublisher publisher(String agencyId) {
        return publishers.of(agencyId);
    }

    /** Runs a publication that returns its future at once (a new alert) on the calling thread, and answers it. */
    CompletableFuture<ResponseEntity<?>> send(AgencyAccount agency, Supplier<CompletableFuture<PublishResult>> call) {
        long started = System.nanoTime();
        return answer(agency, start(call), started);
    }

    /**
     * Runs a publication that waits for the log before it returns (a correction, a retraction) on
     * {@link BlockingPublications}, and answers it; a full queue answers 503.
     */
    CompletableFuture<ResponseEntity<?>> sendWaiting(AgencyAccount agency, Supplier<CompletableFuture<PublishResult>> call) {
        long started = System.nanoTime();
        return answer(agency, corrections.run(call, started + properties.publishTimeout().toNanos()), started);
    }

    /** Runs the call; what it throws before it has a future (the publisher validates first) fails the future. */
    static CompletableFuture<PublishResult> start(Supplier<CompletableFuture<PublishResult>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The answer of a publication started at {@code started} ({@link System#nanoTime()}): 202 with where the broker
     * put it, or the problem; 503 once {@code publish-timeout} has passed since the start without an outcome.
     */
    CompletableFuture<ResponseEntity<?>> answer(AgencyAccount agency, CompletableFuture<PublishResult> future, long started) {
        long left = started + properties.publishTimeout().toNanos() - System.nanoTime();
        // A copy times out, not the publisher's future: whichever completes the copy first decides the one answer.
        return future.copy().orTimeout(Math.max(0, left), TimeUnit.NANOSECONDS).handle((r, error) -> {
            if (error == null) {
                return accepted(agency, r, started);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                return unavailable(agency, "the broker did not acknowledge the alert within " + properties.publishTimeout());
            }
            if (cause instanceof RejectedExecutionException) {
                return unavailable(agency, "too many corrections and retractions are waiting for the log; try again later");
            }
            return refused(agency, cause);
        });
    }

    private ResponseEntity<?> accepted(AgencyAccount agency, PublishResult r, long started) {
        metrics.accepted(agency.id(), Duration.ofNanos(System.nanoTime() - started));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", r.alertId().toString());
        body.put("version", r.version());
        body.put("topic", r.topic());
        body.put("partition", r.partition());
        body.put("offset", r.offset());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    private ResponseEntity<?> refused(AgencyAccount agency, Throwable cause) {
        if (cause instanceof InvalidAlertException e) {
            // The publisher validates before it writes; the REST layer does not validate a second time.
            metrics.rejected(agency.id(), Reason.INVALID);
            return Problems.invalid(e.violations());
        }
        if (cause instanceof AlertExistsException) {
            metrics.rejected(agency.id(), Reason.CONFLICT);
            return Problems.of(HttpStatus.CONFLICT, "alert-exists", cause.getMessage());
        }
        if (cause instanceof UnknownAlertException) {
            metrics.rejected(agency.id(), Reason.NOT_FOUND);
            return Problems.of(HttpStatus.NOT_FOUND, "unknown-alert", cause.getMessage());
        }
        return failed(agency, cause);
    }

    private ResponseEntity<?> failed(AgencyAccount agency, Throwable cause) {
        if (cause instanceof VersionConflictException) {
            // Another ingest instance (or the library) numbered the same version first; the router drops this one.
            metrics.rejected(agency.id(), Reason.CONFLICT);
            return Problems.of(HttpStatus.CONFLICT, "version-conflict", cause.getMessage());
        }
        if (cause instanceof PublishException p && p.retriable()) {
            return unavailable(agency, "the alert was not written; try again later (" + p.getCause().getClass().getSimpleName() + ")");
        }
        log.error("Publishing for {} failed", agency.id(), cause);
        metrics.rejected(agency.id(), Reason.FAILED);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "publish-failed", "the alert was not written: "
                + (cause == null ? "unknown error" : cause.getClass().getSimpleName()));
    }

    private ResponseEntity<?> unavailable(AgencyAccount agency, String detail) {
        metrics.rejected(agency.id(), Reason.UNAVAILABLE);
        ResponseEntity<?> problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail);
        return ResponseEntity.status(503).headers(problem.getHeaders())
                .header("Retry-After", Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem.getBody());
    }
}
