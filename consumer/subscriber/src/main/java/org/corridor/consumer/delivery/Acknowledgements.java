package org.corridor.consumer.delivery;

import java.util.UUID;

import org.corridor.schemas.avro.DeliveryStatus;

/**
 * A body's acknowledgement of an alert version, taken only for a version this subscriber delivered to that body
 * ({@link DeliveryChecks}): then an ACKNOWLEDGED receipt naming the alert's origin agency (from the deliveries, never
 * from the request) is written and confirmed by the broker, and the body's deadline for that alert stops. What is not
 * known yet is {@link Outcome.NotYet}, never a false refusal. Who the caller is, is the HTTP layer's
 * ({@link FeedsSecurity}). Thread-safe; blocks the calling thread for at most the check's wait plus the receipt's write.
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

    private final DeliveryChecks checks;
    private final Receipts receipts;
    private final Deadlines deadlines;

    Acknowledgements(DeliveryChecks checks, Receipts receipts, Deadlines deadlines) {
        this.checks = checks;
        this.receipts = receipts;
        this.deadlines = deadlines;
    }

    /**
     * @param agency  the origin agency the body names, or null
     * @param version the version it acknowledges, or null for the latest delivered
     */
    Outcome acknowledge(String body, UUID alertId, String agency, Integer version) {
        DeliveryChecks.Result result = checks.check(body, alertId, agency, version);
        if (result instanceof DeliveryChecks.Result.NotYet notYet) {
            return new Outcome.NotYet(notYet.why());
        }
        DeliveredAlerts.Check check = ((DeliveryChecks.Result.Known) result).check();
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
}
