package org.corridor.support.kafka;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a callback's failure on one record does to a {@link TopicFollower}: skip the record, or stop the
 * consumer so that it restarts. Not thread-safe: one per follower thread.
 */
final class RecordFailures {

    private static final Logger log = LoggerFactory.getLogger(RecordFailures.class);
    private static final int MAX_REASON = 300;

    /** Where a record is. */
    record Where(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** A callback failure that stops the consumer (it restarts at the record). */
    static final class Stop extends RuntimeException {
        Stop(Where where, Throwable cause) {
            super("the view failed on " + where + ": " + cause, cause);
        }
    }

    private final String follower;
    private Where lastStop;

    RecordFailures(String follower) {
        this.follower = follower;
    }

    /**
     * A failure that says the record is bad, not the process: any exception, a stack overflow (a deeply nested value),
     * an assertion. Other errors (out of memory, a class that cannot load) stop the follower instead.
     */
    static boolean skippable(Throwable failure) {
        return !(failure instanceof Error) || failure instanceof StackOverflowError || failure instanceof AssertionError;
    }

    /**
     * Hands one record to the callback.
     *
     * @return true when the callback took it, false when it failed and the record is to be skipped
     * @throws Stop when the failure is not {@link #skippable} and the same record did not already stop the follower
     */
    boolean hand(ConsumerRecord<String, byte[]> r, Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        try {
            onRecord.accept(r);
            return true;
        } catch (Throwable failure) {
            Where where = new Where(r.topic(), r.partition(), r.offset());
            if (!skippable(failure) && !where.equals(lastStop)) {
                lastStop = where;
                throw new Stop(where, failure);
            }
            // One record the view cannot take (a hostile value, a deeply nested one, one that stopped it before).
            log.warn("{}: skipping {}: {}", follower, where, failure.toString());
            return false;
        }
    }

    /** What a person is told about a stop: the exception, shortened. */
    static String reason(Throwable failure) {
        String text = failure instanceof Stop ? failure.getMessage() : failure.toString();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
