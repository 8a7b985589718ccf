package org.corridor.producer.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.corridor.support.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates the questions to an originator that are past due and still unanswered: each counts once in
 * {@value #ESCALATIONS} (by asking body and priority) and is logged (ids only, never text), and the status view
 * shows it {@code overdue}. It reads the status view's index of open questions by due time
 * ({@link AlertStatuses#DUE}) on a schedule, from where the last check stopped, and writes nothing: an answer read
 * later removes the question from the index. A check waits until the view has read what was committed when the
 * service started, so a restart never escalates a question whose answer it has not read yet; after a restart the
 * questions overdue then are escalated once more, in that process. Thread-safe.
 */
public final class QuestionWatcher implements AutoCloseable {

    /**
     * A question found past due and unanswered.
     *
     * @param version the alert's latest routed version
     */
    public record Overdue(String agency, java.util.UUID alertId, int version, java.util.UUID questionId, String body, String priority) {
    }

    /** Questions escalated, by {@code body} and {@code priority}. */
    public static final String ESCALATIONS = "corridor.ingest.question.escalations";
    /** Escalations per check at most; the rest wait for the next check. */
    static final int MAX_PER_CHECK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(QuestionWatcher.class);

    private final AlertStatuses statuses;
    private final StateStore store;
    private final MeterRegistry meters;
    private final Clock clock;
    private final CompletableFuture<Void> ready;
    private final java.util.function.Consumer<Overdue> onOverdue;
    private final ScheduledExecutorService schedule;
    /** The last index key checked: each due question is looked at once per process. */
    private String checkedUpTo = AlertStatuses.DUE;

    QuestionWatcher(AlertStatuses statuses, StateStore store, MeterRegistry meters, Clock clock, CompletableFuture<Void> ready) {
        this(statuses, store, meters, clock, ready, o -> { });
    }

    QuestionWatcher(AlertStatuses statuses, StateStore store, MeterRegistry meters, Clock clock, CompletableFuture<Void> ready,
                    java.util.function.Consumer<Overdue> onOverdue) {
        this.onOverdue = onOverdue;
        this.statuses = statuses;
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        this.ready = ready;
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "question-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A watcher of the view's questions that checks every {@code interval}; close it with the service.
     *
     * @param onOverdue told of each question escalated (the service writes its ESCALATED receipt)
     */
    public static QuestionWatcher every(Duration interval, AlertStatusView view, MeterRegistry meters, Clock clock,
                                        java.util.function.Consumer<Overdue> onOverdue) {
        QuestionWatcher watcher = new QuestionWatcher(view.statuses(), view.store(), meters, clock, view.follower().caughtUp(),
                onOverdue);
        watcher.schedule.scheduleWithFixedDelay(() -> {
            try {
                watcher.escalateOverdue();
            } catch (RuntimeException e) {
                log.warn("Checking the questions' due times failed; the next check tries again: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** Escalates the questions that became overdue since the last check; returns how many. */
    synchronized int escalateOverdue() {
        if (!ready.isDone()) {
            return 0;
        }
        String now = AlertStatuses.DUE + String.format("%013d", clock.millis());
        int[] escalated = {0};
        java.util.List<Overdue> overdue = new java.util.ArrayList<>();
        store.scan(AlertStatuses.DUE, (key, value) -> {
            if (key.substring(0, Math.min(key.length(), now.length())).compareTo(now) > 0 || escalated[0] >= MAX_PER_CHECK) {
                return false;
            }
            if (key.compareTo(checkedUpTo) <= 0) {
                return true;
            }
            String[] k = key.substring(now.length() + 1).split("/", -1);
            boolean open = k.length == 4 && statuses.open(k[0], k[1], k[3], k[2]);
            // Only once looked at: a check that fails on this key tries it again next time.
            checkedUpTo = key;
            if (open) {
                String priority = new String(value, StandardCharsets.UTF_8);
                Counter.builder(ESCALATIONS).description("Questions to an originator escalated past due, unanswered")
                        .tag("body", k[3]).tag("priority", priority.isEmpty() ? "UNKNOWN" : priority).register(meters).increment();
                log.warn("Question {} of {} on alert {} of {} is past due and unanswered", k[2], k[3], k[1], k[0]);
                escalated[0]++;
                overdue.add(new Overdue(k[0], java.util.UUID.fromString(k[1]), statuses.latestVersion(k[0], k[1]),
                        java.util.UUID.fromString(k[2]), k[3], priority.isEmpty() ? null : priority));
            }
            return true;
        });
        // Passed on after the scan, which holds the store: writing a receipt may wait for the broker.
        for (Overdue o : overdue) {
            try {
                onOverdue.accept(o);
            } catch (RuntimeException e) {
                log.warn("The escalation of question {} could not be passed on: {}", o.questionId(), e.toString());
            }
        }
        return escalated[0];
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
