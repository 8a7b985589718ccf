package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.topics.Topics;

/**
 * A body's acknowledgement of an alert version, taken only for a version this subscriber delivered to that body
 * ({@link DeliveredAlerts}): then an ACKNOWLEDGED receipt naming the alert's origin agency (from the deliveries, never
 * from the request) is written and confirmed by the broker, and the body's deadline for that alert stops. A check
 * that finds nothing waits until the receipts follower has read everything written before the request (a delivery
 * by another process serving the body, or one not yet read back after a start), then checks again; when the follower
 * cannot get there within {@code wait}, the answer is {@link Outcome.NotYet}, never a false refusal. Who the caller
 * is, is the HTTP layer's ({@link FeedsSecurity}). Thread-safe; blocks the calling thread for at most {@code wait}
 * plus the receipt's write.
 */
final class Acknowledgements {

    /** What became of an acknowledgement. */
    sealed interface Outcome {

        /** The ACKNOWLEDGED receipt is on the broker; {@code agency} is null when the deliveries did not name it. */
        record Acknowledged(String agency, int version) implements Outcome {
        }

        /** Not taken: not delivered to this body, another version, or several agencies' alerts with this id. */
        record Refused(DeliveredAlerts.Check why) implements Outcome {
        }

        /** Not decided or not written now; the same request may succeed later. */
        record NotYet(String why) implements Outcome {
        }
    }

    private final DeliveredAlerts delivered;
    private final Supplier<CompletableFuture<Void>> caughtUp;
    private final Duration wait;
    private final Receipts receipts;
    private final Deadlines deadlines;

    /**
     * @param caughtUp completes once the receipts follower has read everything written before the call
     * @param wait     how long a check that found nothing waits for it
     */
    Acknowledgements(DeliveredAlerts delivered, Supplier<CompletableFuture<Void>> caughtUp, Duration wait, Receipts receipts,
                     Deadlines deadlines) {
        this.delivered = delivered;
        this.caughtUp = caughtUp;
        this.wait = wait;
        this.receipts = receipts;
        this.deadlines = deadlines;
    }

    /**
     * @param agency  the origin agency the body names, or null
     * @param version the version it acknowledges, or null for the latest delivered
     */
    Outcome acknowledge(String body, UUID alertId, String agency, Integer version) {
        DeliveredAlerts.Check check = delivered.check(body, alertId, agency, version);
        if (check instanceof DeliveredAlerts.Check.NeverDelivered || check instanceof DeliveredAlerts.Check.VersionNotDelivered) {
            String behind = awaitCaughtUp();
            if (behind != null) {
                return new Outcome.NotYet(behind);
            }
            check = delivered.check(body, alertId, agency, version);
        }
        if (!(check instanceof DeliveredAlerts.Check.Delivered ok)) {
            return new Outcome.Refused(check);
        }
        receipts.send(body, ok.agency(), alertId, ok.version(), DeliveryStatus.ACKNOWLEDGED, 0, null);
        try {
            receipts.confirm();
        } catch (Receipts.ReceiptsLostException e) {
            // Never taken for an acknowledgement that is not on the broker: the body tries again.
            return new Outcome.NotYet("the acknowledgement was not written: " + e.getCause());
        }
        deadlines.acknowledged(body, ok.agency(), alertId);
        return new Outcome.Acknowledged(ok.agency(), ok.version());
    }

    /** Null once the follower has read what was written before now; otherwise why not. */
    private String awaitCaughtUp() {
        try {
            caughtUp.get().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "the deliveries on " + Topics.RECEIPTS + " are still being read";
        } catch (ExecutionException e) {
            return "the deliveries on " + Topics.RECEIPTS + " cannot be read: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
