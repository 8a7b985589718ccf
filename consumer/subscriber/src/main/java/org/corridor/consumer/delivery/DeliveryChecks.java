package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.corridor.schemas.topics.Topics;

/**
 * Whether a body holds an alert version, as this subscriber's deliveries say ({@link DeliveredAlerts}): what a body
 * may acknowledge and respond to. A check that finds nothing waits until the receipts follower has read everything
 * written before the call (a delivery by another process serving the body, or one not yet read back after a start),
 * then checks again; when the follower cannot get there within {@code wait}, the answer is {@link Result.NotYet},
 * never a false refusal. Thread-safe; blocks the calling thread for at most {@code wait}.
 */
final class DeliveryChecks {

    /** What a check found. */
    sealed interface Result {

        /** The deliveries are read up to now: {@code check} is the answer. */
        record Known(DeliveredAlerts.Check check) implements Result {
        }

        /** Not decided now; the same request may succeed later. */
        record NotYet(String why) implements Result {
        }
    }

    private final DeliveredAlerts delivered;
    private final Supplier<CompletableFuture<Void>> caughtUp;
    private final Duration wait;

    /**
     * @param caughtUp completes once the receipts follower has read everything written before the call
     * @param wait     how long a check that found nothing waits for it
     */
    DeliveryChecks(DeliveredAlerts delivered, Supplier<CompletableFuture<Void>> caughtUp, Duration wait) {
        this.delivered = delivered;
        this.caughtUp = caughtUp;
        this.wait = wait;
    }

    /**
     * @param agency  the origin agency the body names, or null
     * @param version the version, or null for the latest delivered
     */
    Result check(String body, UUID alertId, String agency, Integer version) {
        DeliveredAlerts.Check check = delivered.check(body, alertId, agency, version);
        if (check instanceof DeliveredAlerts.Check.NeverDelivered || check instanceof DeliveredAlerts.Check.VersionNotDelivered) {
            String behind = awaitCaughtUp();
            if (behind != null) {
                return new Result.NotYet(behind);
            }
            check = delivered.check(body, alertId, agency, version);
        }
        return new Result.Known(check);
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
