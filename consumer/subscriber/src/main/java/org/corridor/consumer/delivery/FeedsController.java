package org.corridor.consumer.delivery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.errors.RetriableException;
import org.corridor.schemas.avro.DeliveryStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Body- and operator-facing API of the subscribers: acknowledge an alert, re-deliver a body's feed from a time,
 * re-drive its parked alerts. Who may call what is {@link FeedsSecurity}'s; the annotations repeat it on the handlers.
 */
@RestController
class FeedsController {

    private final Redriver redriver;
    private final Receipts receipts;
    private final Deadlines deadlines;
    private final FeedSinks sinks;

    FeedsController(Redriver redriver, Receipts receipts, Deadlines deadlines, FeedSinks sinks) {
        this.redriver = redriver;
        this.receipts = receipts;
        this.deadlines = deadlines;
        this.sinks = sinks;
    }

    /** The body acknowledges an alert version: an ACKNOWLEDGED receipt, and its deadline stops. */
    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @PostMapping("/api/v1/feeds/{body}/alerts/{alertId}/ack")
    ResponseEntity<?> acknowledge(@PathVariable String body, @PathVariable UUID alertId,
                                  @RequestParam(defaultValue = "1") int version) {
        if (sinks.of(body).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "body " + body + " is not served by this subscriber"));
        }
        // The agency is not known here: the receipt leaves it out, as receipts always did.
        receipts.send(body, null, alertId, version, DeliveryStatus.ACKNOWLEDGED, 0, null);
        try {
            receipts.confirm();
        } catch (Receipts.ReceiptsLostException e) {
            // Never 202 for an acknowledgement that is not on the broker: the body retries.
            return ResponseEntity.status(503).header("Retry-After", "5")
                    .body(Map.of("error", "the acknowledgement was not written; try again", "cause", String.valueOf(e.getCause())));
        }
        deadlines.acknowledged(body, null, alertId);
        return ResponseEntity.accepted().body(Map.of("body", body, "alertId", alertId.toString(), "version", version,
                "status", "ACKNOWLEDGED"));
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
