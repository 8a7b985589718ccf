package org.corridor.consumer.isolation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a batch through an all-or-nothing {@link Attempt} (one transaction), with a bounded number of retries.
 * When Kafka keeps refusing it ({@link FailureKind#REJECTED}), the batch is split in halves, in order, and each half
 * is tried the same way, until the record that Kafka refuses is alone: that record is handed to
 * {@link Attempt#isolate} (its dead letter) and everything else goes on. A failure of the cluster itself
 * ({@link FailureKind#RETRIABLE}) is not the records' fault: after the bounded retries the rest of the batch is given
 * back ({@link GiveBack}) for the container to redeliver later, so an outage never dead-letters a good record. A
 * {@link FailureKind#FATAL} failure gives the rest back at once.
 *
 * @param <R> a record
 */
public final class BatchIsolation<R> {

    /** One all-or-nothing attempt at some records, and the dead letter of one record Kafka will not take. */
    public interface Attempt<R> {
        void run(List<R> records) throws Exception;

        void isolate(R record, Exception why) throws Exception;
    }

    /** Waits between attempts; tests pass one that does not sleep. */
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    /** What happened, for metrics and logs. */
    public interface Listener {
        void retried(int size, int attempt, Exception why);

        void split(int size);

        void isolated(Exception why);
    }

    private final int maxRetries;
    private final long firstBackoffMillis;
    private final long maxBackoffMillis;
    private final Function<Exception, FailureKind> classifier;
    private final Pause pause;
    private final Listener listener;

    public BatchIsolation(int maxRetries, long firstBackoffMillis, long maxBackoffMillis,
                          Function<Exception, FailureKind> classifier, Pause pause, Listener listener) {
        if (maxRetries < 0 || firstBackoffMillis < 0 || maxBackoffMillis < firstBackoffMillis) {
            throw new IllegalArgumentException("retries must be >= 0 and 0 <= first backoff <= max backoff");
        }
        this.maxRetries = maxRetries;
        this.firstBackoffMillis = firstBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.classifier = classifier;
        this.pause = pause;
        this.listener = listener;
    }

    /**
     * Processes every record of the batch once, in order: committed in some part, or isolated.
     *
     * @throws GiveBack when the cluster keeps failing or a fatal error occurs; its index is the first record not
     *                  processed, and every record before it was committed or isolated
     */
    public void process(List<R> batch, Attempt<R> attempt) throws GiveBack, InterruptedException {
        Deque<Part> work = new ArrayDeque<>();
        work.push(new Part(0, batch.size()));
        while (!work.isEmpty()) {
            Part part = work.pop();
            List<R> records = batch.subList(part.from, part.to);
            Exception failure = tryWithRetries(records, attempt);
            if (failure == null) {
                continue;
            }
            FailureKind kind = classifier.apply(failure);
            if (kind != FailureKind.REJECTED) {
                throw new GiveBack(part.from, kind, failure);
            }
            if (records.size() > 1) {
                listener.split(records.size());
                int middle = part.from + records.size() / 2;
                work.push(new Part(middle, part.to));
                work.push(new Part(part.from, middle));
                continue;
            }
            try {
                attempt.isolate(records.get(0), failure);
                listener.isolated(failure);
            } catch (Exception e) {
                // Not even the dead letter could be written: keep the record for a later redelivery.
                throw new GiveBack(part.from, FailureKind.RETRIABLE, e);
            }
        }
    }

    /** Runs the records, retrying up to the bound; null when they committed, else the last failure. */
    private Exception tryWithRetries(List<R> records, Attempt<R> attempt) throws InterruptedException {
        long backoff = firstBackoffMillis;
        for (int tried = 0; ; tried++) {
            try {
                attempt.run(records);
                return null;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (tried >= maxRetries || classifier.apply(e) == FailureKind.FATAL) {
                    return e;
                }
                listener.retried(records.size(), tried + 1, e);
                pause.pause(backoff);
                backoff = Math.min(maxBackoffMillis, backoff * 2);
            }
        }
    }

    private record Part(int from, int to) {
    }

    /** The rest of the batch, from {@link #index()} on, goes back to be redelivered. */
    public static final class GiveBack extends Exception {
        private final int index;
        private final FailureKind kind;

        GiveBack(int index, FailureKind kind, Exception cause) {
            super("records from index " + index + " given back after a " + kind + " failure: " + cause, cause);
            this.index = index;
            this.kind = kind;
        }

        public int index() {
            return index;
        }

        public FailureKind kind() {
            return kind;
        }
    }
}
