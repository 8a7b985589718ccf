package org.corridor.bench.load;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.HdrHistogram.Recorder;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.serde.AvroSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code load}: publishes alerts from the platform's agencies (through the publisher library as each agency's own
 * principal, or through the REST ingest with each agency's token) at a target rate or flat out, then waits until
 * every routing decision and every feed record of them has appeared. The latency of a feed record is measured from
 * the alert's intended send time (so a stalled sender does not hide queueing: no coordinated omission).
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "End-to-end load test against a running Corridor.")
public final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mode", defaultValue = "library",
            description = "library, rest (one alert per POST) or rest-batch (POST /api/v1/alerts/batch) (${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--batch-size", defaultValue = "100", description = "alerts per request in rest-batch mode, at most 500 (${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--rate", defaultValue = "0", description = "alerts per second; 0 for flat out (${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--alerts", defaultValue = "20000", description = "alerts in the measured phase (${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warmup", defaultValue = "2000", description = "alerts sent first and not measured (${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory: client settings, agency credentials and tokens")
    Path dataDir;

    @Option(names = "--rest-url", defaultValue = "http://localhost:8080", description = "REST ingest (${DEFAULT-VALUE})")
    String restUrl;

    @Option(names = "--concurrency", defaultValue = "64", description = "REST requests in flight (${DEFAULT-VALUE})")
    int concurrency;

    // Plain flags, not picocli's negatable ones: a negatable option whose default is true is turned into true by its
    // negative form (picocli 4.7), so --no-progress showed the progress bars.
    @Option(names = "--no-sinks",
            description = "do not time the lines the file sinks write under <data-dir>/feeds (timed by default, each once on disk)")
    boolean noSinks;

    @Option(names = "--no-feeds",
            description = "read only the routing decisions, not the feeds (no end-to-end figures): for a run that measures"
                    + " something else, so that timing every feed record takes no CPU from it; implies --no-sinks")
    boolean noFeeds;

    @Option(names = "--timeout", defaultValue = "180", description = "seconds to wait for the last feed record (${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Option(names = "--no-progress", description = "show no progress bars")
    boolean noProgress;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Recorder ackMicros = new Recorder(3);

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PlatformFiles files = PlatformFiles.load(dataDir);
        List<String> agencies = files.agencies();
        Sender sender = switch (mode) {
            case "library" -> new LibrarySender(files.client(), files.credentials(), agencies, 5);
            case "rest" -> new RestSender(URI.create(restUrl), files.tokens(), concurrency);
            case "rest-batch" -> new RestBatchSender(URI.create(restUrl), files.tokens(), batchSize, concurrency);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--mode " + mode + ": must be library, rest or rest-batch");
        };
        List<TraffickingAlert> warm = alerts(warmup, agencies, 1_000_000);
        List<TraffickingAlert> measured = alerts(count, agencies, 0);
        double recordBytes = measured.stream().limit(1000).mapToInt(a -> avroSize(a)).average().orElse(0);

        Map<String, Long> intended = FeedWatcher.newIntendedMap();
        try (FeedWatcher watcher = FeedWatcher.of(files.client(), intended, !noFeeds);
             SinkTailer tailer = noSinks || noFeeds ? null : new SinkTailer(dataDir.resolve("feeds"), intended);
             sender) {
            console.printf("load: %s, %s, %d alerts after %d to warm up, %d agencies, alert %.0f bytes (Avro)%n", mode,
                    rate == 0 ? "flat out" : rate + " alerts/s", count, warmup, agencies.size(), recordBytes);
            console.flush();
            send(sender, warm, null, 0);
            sender.flush();
            awaitAcks(warmup);
            // The warm-up routed before the clock starts: its backlog would otherwise take router time from the
            // measured alerts (flat out, 5,000 warm-up alerts cost the router's rate about a tenth).
            long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (watcher.allDecisions() < warmup && System.nanoTime() < warmDeadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            if (watcher.allDecisions() < warmup) {
                console.printf("load: WARNING: only %d of the %d warm-up alerts were routed in %d s; measuring anyway%n",
                        watcher.allDecisions(), warmup, timeoutSeconds);
            }
            accepted.set(0);
            failed.set(0);
            ackMicros.reset();
            long start = System.nanoTime();
            try (ProgressBar bar = !noProgress ? new ProgressBarBuilder().setTaskName("publish").setInitialMax(count)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" alerts", 1).build() : null) {
                send(sender, measured, intended, start, bar);
                sender.flush();
                awaitAcks(count);
            }
            long acked = System.nanoTime();
            long deadline = acked + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            try (ProgressBar bar = !noProgress ? new ProgressBarBuilder().setTaskName("feeds").setInitialMax(0)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" records", 1).build() : null) {
                while (System.nanoTime() < deadline && !complete(watcher, tailer)) {
                    if (bar != null) {
                        bar.maxHint(watcher.expected());
                        bar.stepTo(watcher.feedRecords());
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
            double publishSeconds = (acked - start) / 1e9;
            double feedSeconds = (Math.max(watcher.lastFeedRecordNanos(), start + 1) - start) / 1e9;
            LoadResult result = new LoadResult(mode, rate, count, accepted.get(), failed.get(), round(publishSeconds),
                    round(accepted.get() / publishSeconds), watcher.feedRecords(), watcher.expected(),
                    round(watcher.feedRecords() / feedSeconds), Percentiles.of(watcher.latency()),
                    Percentiles.of(ackMicros.getIntervalHistogram()), round(recordBytes),
                    tailer == null ? 0 : tailer.lines(), tailer == null ? null : Percentiles.of(tailer.latency()));
            print(console, result, watcher.decided());
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), result);
                console.println("load: result written to " + out);
            }
            console.flush();
            return failed.get() == 0 && complete(watcher, tailer) ? 0 : 1;
        }
    }

    /** Every decision and feed record of the accepted alerts seen, and every sink line when the sinks are timed. */
    private boolean complete(FeedWatcher watcher, SinkTailer tailer) {
        return watcher.decided() >= accepted.get() && watcher.feedRecords() >= watcher.expected()
                && (tailer == null || tailer.lines() >= watcher.expected());
    }

    private void print(PrintWriter console, LoadResult r, long decided) {
        console.printf("load: %d accepted, %d failed in %.1f s: %.0f alerts/s%n", r.accepted(), r.failed(), r.seconds(), r.alertsPerSecond());
        if (noFeeds) {
            console.printf("load: %d routing decisions; feeds not read (--no-feeds)%n", decided);
        } else {
            console.printf("load: %d of %d feed records (%d decisions): %.0f feed records/s%n", r.feedRecords(),
                    r.expectedFeedRecords(), decided, r.feedRecordsPerSecond());
            console.printf("load: end to end %s%n", r.endToEnd());
        }
        if (r.endToEndSink() != null) {
            console.printf("load: %d of %d sink lines on disk; end to end to the sink %s%n", r.sinkLines(),
                    r.expectedFeedRecords(), r.endToEndSink());
        }
        console.printf("load: acknowledgement %s%n", r.acknowledgement());
    }

    private void send(Sender sender, List<TraffickingAlert> alerts, Map<String, Long> intended, long start) throws Exception {
        send(sender, alerts, intended, start, null);
    }

    private void send(Sender sender, List<TraffickingAlert> alerts, Map<String, Long> intended, long start, ProgressBar bar)
            throws Exception {
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        long begin = start == 0 ? System.nanoTime() : start;
        for (int i = 0; i < alerts.size(); i++) {
            long due = rate > 0 ? begin + i * interval : System.nanoTime();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            TraffickingAlert a = alerts.get(i);
            if (intended != null) {
                intended.put(a.getAlertId().toString(), due);
            }
            final long sentAt = due;
            a.setReportedAt(Instant.now());
            sender.send(a, ok -> {
                if (ok) {
                    accepted.incrementAndGet();
                    ackMicros.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1_000));
                } else {
                    failed.incrementAndGet();
                }
            });
            if (bar != null && (i & 255) == 0) {
                bar.stepTo(i);
            }
        }
        if (bar != null) {
            bar.stepTo(alerts.size());
        }
    }

    private void awaitAcks(long n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (accepted.get() + failed.get() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Valid alerts of varied content, spread over the agencies, with fresh ids. */
    public static List<TraffickingAlert> alerts(int n, List<String> agencies, long seedBase) {
        List<TraffickingAlert> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(alert(seedBase + i, agencies.get(i % agencies.size())));
        }
        return list;
    }

    /** A valid alert of varied content (from the seed) by this agency, with a fresh id. */
    public static TraffickingAlert alert(long seed, String agency) {
        TraffickingAlert a = SampleAlerts.random(seed);
        a.setAlertId(UUID.randomUUID());
        a.setOriginAgency(new Agency(agency, "TJ", agency));
        return a;
    }

    private static int avroSize(TraffickingAlert a) {
        return new AvroSerializer<TraffickingAlert>(new org.corridor.schemas.registry.InMemorySchemaRegistryClient(1), Map.of(), false)
                .serialize("size", a).length;
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
