package org.corridor.consumer.delivery;

import java.io.IOException;

/** Where a body's alerts end up. Implementations must be durable when {@link #deliver} returns. */
public interface FeedSink {

    /**
     * Delivers one alert version; returning means the sink has it.
     *
     * @throws IOException when it could not; the record is retried, its offset not committed
     */
    void deliver(Delivery delivery) throws IOException;

    /**
     * Delivers several alert versions, in order; returning means the sink has all of them. A sink that can make a
     * group durable at once (one fsync for a file) overrides this.
     *
     * @throws IOException when it could not; all of them are retried (some may then arrive twice)
     */
    default void deliverAll(java.util.List<Delivery> deliveries) throws IOException {
        for (Delivery d : deliveries) {
            deliver(d);
        }
    }
}
