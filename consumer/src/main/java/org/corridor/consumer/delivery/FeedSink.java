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
}
