package org.corridor.support.inbox;

import java.io.IOException;
import java.util.List;

/**
 * Where a party's inbox ends up: a file, a signed webhook or the log. Called by one {@link InboxDelivery} thread.
 */
public interface InboxSink extends AutoCloseable {

    /**
     * What became of a poll's items: the outcomes of the first ones, in order, and, when fewer outcomes than items
     * came back, why the next item could not be delivered now (it and the rest are tried again).
     */
    record Result(List<Outcome> outcomes, IOException failure) {

        public static Result all(List<Outcome> outcomes) {
            return new Result(List.copyOf(outcomes), null);
        }
    }

    /**
     * The outcome of one item.
     *
     * @param delivered true when the sink has it; false when the receiver refused it for good
     * @param detail    why it was refused (null when delivered)
     */
    record Outcome(boolean delivered, String detail) {

        public static final Outcome DELIVERED = new Outcome(true, null);

        public static Outcome refused(String detail) {
            return new Outcome(false, detail);
        }
    }

    /** The longest one item may take (a webhook's timeout); zero when it does not depend on a receiver. */
    default java.time.Duration itemTimeout() {
        return java.time.Duration.ZERO;
    }

    /** Delivers the items in order, as far as it can now. */
    Result deliver(List<InboxItem> items);

    @Override
    default void close() throws IOException {
    }
}
