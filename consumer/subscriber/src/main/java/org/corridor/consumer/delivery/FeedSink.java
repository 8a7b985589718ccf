package org.corridor.consumer.delivery;

import java.io.IOException;
import java.util.List;

/**
 * Where a body's alerts end up: a file, the log, or a webhook with retries and parking. The one interface the feed
 * listener ({@link FeedListener}), re-drives and replays ({@link Redriver}) deliver through.
 *
 * <p>When {@link #deliver} returns, every delivery is either durable in the sink or parked, and its receipts
 * (FAILED attempts, DELIVERED or PARKED) have been sent through {@link Receipts}; the caller confirms them before
 * it commits the offsets. Implementations may be called from the body's listener thread and from an operator's
 * re-drive at the same time and must allow that.
 */
public interface FeedSink {

    /** What became of one delivery. */
    enum Outcome {
        /** The sink has it. */
        DELIVERED,
        /** It is on {@code alerts.feed.<body>.parked}, waiting for a re-drive. */
        PARKED
    }

    /**
     * Delivers a poll's alert versions in order; a sink that can make a group durable at once (one fsync for a file)
     * does so.
     *
     * @return per delivery, in the same order, what became of it
     * @throws IOException when the sink could not take them and nothing was parked: all of them are retried (some
     *                     may then arrive twice, with the same idempotency key)
     */
    List<Outcome> deliver(List<Delivery> deliveries) throws IOException;

    /** Before an operator's re-drive: forget earlier failures (closes a circuit breaker). */
    default void reset() {
    }
}
