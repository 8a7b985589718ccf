package org.corridor.support.thread;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;

/** What became of a response written to its responses topic: on the broker, or why not (the caller may try again). */
public sealed interface Sent {

    /** The broker took it. */
    record Taken(RecordMetadata at) implements Sent {
    }

    /** It did not, now. */
    record NotTaken(String why) implements Sent {
    }

    /** Waits at most {@code timeout} for the broker's acknowledgement of the write. */
    static Sent await(Future<RecordMetadata> write, Duration timeout) {
        try {
            return new Taken(write.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new NotTaken("the broker did not take the response: " + e.getCause());
        } catch (TimeoutException e) {
            return new NotTaken("the broker did not take the response within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotTaken("interrupted");
        }
    }
}
