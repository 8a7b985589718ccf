package org.corridor.monitor.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a round every interval on a thread of its own and publishes the latest report. A failed round (the cluster
 * does not answer) is logged and counted; the previous report stays, marked by its time. Thread-safe.
 */
public final class Sampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sampler.class);

    private final ClusterReader reader;
    private final LatencyScraper scraper;
    private final HealthModel model;
    private final Consumer<HealthReport> listener;
    private final Runnable onFailure;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corridor-monitor-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile HealthReport latest;
    private volatile String lastError;

    /**
     * @param listener  called with each new report, on the sampler thread
     * @param onFailure called after each failed round
     */
    public Sampler(ClusterReader reader, LatencyScraper scraper, HealthModel model, Consumer<HealthReport> listener,
                   Runnable onFailure) {
        this.onFailure = onFailure;
        this.reader = reader;
        this.scraper = scraper;
        this.model = model;
        this.listener = listener;
    }

    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void round() {
        try {
            ClusterSnapshot snapshot = reader.read();
            HealthReport report = model.build(snapshot, scraper.scrape());
            latest = report;
            lastError = null;
            listener.accept(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("monitor: sampling round failed: {}", lastError);
            onFailure.run();
        }
    }

    /** The latest report, empty before the first successful round. */
    public Optional<HealthReport> latest() {
        return Optional.ofNullable(latest);
    }

    /** Why the last round failed, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
