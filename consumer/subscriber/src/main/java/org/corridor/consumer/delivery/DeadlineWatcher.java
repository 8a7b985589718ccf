package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Checks acknowledgement deadlines every {@code deadline-check-interval} on a daemon thread of its own
 * ({@code ack-deadlines}), from the context's start to its stop. A check that throws (a receipt that cannot be
 * serialised) is logged, and the next check runs as scheduled.
 */
final class DeadlineWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

    private final Deadlines deadlines;
    private final Duration interval;
    private ScheduledExecutorService timer;

    DeadlineWatcher(Deadlines deadlines, Duration interval) {
        this.deadlines = deadlines;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ack-deadlines");
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            deadlines.escalateOverdue();
        } catch (RuntimeException e) {
            // A thrown exception would cancel the schedule for good: no deadline would be checked again.
            log.error("acknowledgement deadlines: check failed, next in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
