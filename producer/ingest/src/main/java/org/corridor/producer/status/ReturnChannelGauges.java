package org.corridor.producer.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the return channel over the whole status view every {@code interval} ({@link ReturnChannelCounts}) and
 * exports it: {@value #OPEN} and {@value #OVERDUE} by {@code kind} (body or agency) and {@code party} (its id),
 * {@value #FEEDBACK_ALERTS}, {@value #FEEDBACK_OUTCOMES} and {@value #FEEDBACK_RATIO} by {@code body}. The monitor
 * scrapes these (it may read no audit). Nothing is exported until the view has caught up with what was committed
 * when the service started, so a restart never reports a half-read count. Ids and counts only. Thread-safe.
 */
public final class ReturnChannelGauges implements AutoCloseable {

    public static final String OPEN = "corridor.ingest.questions.open";
    public static final String OVERDUE = "corridor.ingest.questions.overdue";
    public static final String FEEDBACK_ALERTS = "corridor.ingest.feedback.alerts";
    public static final String FEEDBACK_OUTCOMES = "corridor.ingest.feedback.outcomes";
    public static final String FEEDBACK_RATIO = "corridor.ingest.feedback.ratio";
    /** When the last count was taken (Unix seconds; 0 before the first): tells the monitor the counts are measured. */
    public static final String COUNTED_AT = "corridor.ingest.return.channel.counted.at";

    private static final Logger log = LoggerFactory.getLogger(ReturnChannelGauges.class);

    private final AlertStatuses statuses;
    private final Duration feedbackAge;
    private final Clock clock;
    private final CompletableFuture<Void> ready;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final MultiGauge alerts;
    private final MultiGauge outcomes;
    private final MultiGauge ratio;
    private final java.util.concurrent.atomic.AtomicLong countedAt = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "return-channel-gauges");
        t.setDaemon(true);
        return t;
    });

    ReturnChannelGauges(AlertStatuses statuses, Duration feedbackAge, MeterRegistry meters, Clock clock, CompletableFuture<Void> ready) {
        this.statuses = statuses;
        this.feedbackAge = feedbackAge;
        this.clock = clock;
        this.ready = ready;
        this.open = MultiGauge.builder(OPEN).description("Questions to an originator not answered yet, by asking body and by owing agency").register(meters);
        this.overdue = MultiGauge.builder(OVERDUE).description("Of those, the ones past their due time").register(meters);
        this.alerts = MultiGauge.builder(FEEDBACK_ALERTS).description("Alerts delivered to the body at least the feedback age ago").register(meters);
        this.outcomes = MultiGauge.builder(FEEDBACK_OUTCOMES).description("Of those, the ones the body reported an outcome for").register(meters);
        this.ratio = MultiGauge.builder(FEEDBACK_RATIO).description("Share of the body's alerts older than the feedback age with an outcome").register(meters);
        io.micrometer.core.instrument.Gauge.builder(COUNTED_AT, countedAt, java.util.concurrent.atomic.AtomicLong::get)
                .description("When the return channel was last counted (Unix seconds; 0 before the first count)").register(meters);
    }

    /** Gauges of the view's statuses, counted every {@code interval}; close them with the service. */
    public static ReturnChannelGauges every(Duration interval, Duration feedbackAge, AlertStatusView view, MeterRegistry meters, Clock clock) {
        ReturnChannelGauges gauges = new ReturnChannelGauges(view.statuses(), feedbackAge, meters, clock, view.follower().caughtUp());
        Runnable count = () -> {
            try {
                gauges.count();
            } catch (RuntimeException e) {
                log.warn("Counting the return channel failed; the next count tries again: {}", e.toString());
            }
        };
        // The first count as soon as the view has caught up, then one every interval.
        gauges.ready.thenRunAsync(count, gauges.schedule);
        gauges.schedule.scheduleWithFixedDelay(count, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return gauges;
    }

    /** Counts once; false (and nothing exported) while the view is still catching up. */
    synchronized boolean count() {
        if (!ready.isDone()) {
            return false;
        }
        ReturnChannelCounts counts = new ReturnChannelCounts(clock.instant(), feedbackAge);
        statuses.forEach(s -> {
            counts.add(s);
            return true;
        });
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        counts.bodies().forEach((body, q) -> {
            openRows.add(MultiGauge.Row.of(Tags.of("kind", "body", "party", body), q.open()));
            overdueRows.add(MultiGauge.Row.of(Tags.of("kind", "body", "party", body), q.overdue()));
        });
        counts.agencies().forEach((agency, q) -> {
            openRows.add(MultiGauge.Row.of(Tags.of("kind", "agency", "party", agency), q.open()));
            overdueRows.add(MultiGauge.Row.of(Tags.of("kind", "agency", "party", agency), q.overdue()));
        });
        List<MultiGauge.Row<?>> alertRows = new ArrayList<>();
        List<MultiGauge.Row<?>> outcomeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ratioRows = new ArrayList<>();
        counts.feedback().forEach((body, f) -> {
            alertRows.add(MultiGauge.Row.of(Tags.of("body", body), f.alerts()));
            outcomeRows.add(MultiGauge.Row.of(Tags.of("body", body), f.withOutcome()));
            ratioRows.add(MultiGauge.Row.of(Tags.of("body", body), f.rate()));
        });
        open.register(openRows, true);
        overdue.register(overdueRows, true);
        alerts.register(alertRows, true);
        outcomes.register(outcomeRows, true);
        ratio.register(ratioRows, true);
        countedAt.set(clock.instant().getEpochSecond());
        return true;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
