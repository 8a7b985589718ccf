package org.corridor.bench.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.HdrHistogram.Histogram;
import org.corridor.bench.load.FeedWatcher;
import org.corridor.bench.load.LibrarySender;
import org.corridor.bench.load.LoadCommand;
import org.corridor.bench.load.Percentiles;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.http.HttpParty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code soak}: publishes at a steady rate for a long time through the publisher library (as each agency) while
 * asking the monitor every few seconds what it sees; then waits for every decision and feed record. Prints one line
 * a minute and a summary; exit 0 only if nothing failed, everything arrived and the monitor never needed attention.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Steady load for a long time, with the monitor's verdict sampled throughout (docs/reliability.md).")
public final class SoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "500", description = "alerts per second (${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--minutes", defaultValue = "30", description = "how long to publish (${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--monitor-url", defaultValue = "http://localhost:8084", description = "the monitor (${DEFAULT-VALUE})")
    String monitorUrl;

    @Option(names = "--sample-seconds", defaultValue = "5", description = "seconds between monitor rounds (${DEFAULT-VALUE})")
    int sampleSeconds;

    @Option(names = "--pid", description = "the platform's process id, to sample its resident memory")
    Long pid;

    @Option(names = "--timeout", defaultValue = "300", description = "seconds to wait for the last feed record (${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Option(names = "--heap-at", split = ",", defaultValue = "300000,900000",
            description = "published alert counts at which to take the platform's live heap (full GC by jcmd; needs --pid) (${DEFAULT-VALUE})")
    long[] heapAt;

    @Option(names = "--heap-tolerance", defaultValue = "0.10",
            description = "largest change of the live heap between the first sample and any later one, a fraction (${DEFAULT-VALUE})")
    double heapTolerance;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<SoakSample> samples = new ArrayList<>();
    private volatile String operatorAuthorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Histogram previous = new Histogram(3_600_000_000L, 3);
    private long startNanos;

    @Override
    public Integer call() throws Exception {
        validateHeapOptions();
        PrintWriter console = spec.commandLine().getOut();
        PlatformFiles files = PlatformFiles.load(dataDir);
        operatorAuthorization = operatorAuthorization(files);
        List<String> agencies = files.agencies();
        Map<String, Long> intended = FeedWatcher.newIntendedMap();
        ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor();
        try (FeedWatcher watcher = FeedWatcher.ofAllBodies(files.client(), intended);
             LibrarySender sender = new LibrarySender(files.client(), files.credentials(), agencies, 5);
             HeapSampler heap = new HeapSampler(pid == null ? null : new HeapProbe(pid), heapAt)) {
            console.printf(Locale.ROOT, "soak: %d alerts/s for %.1f min through the publisher library, %d agencies; monitor %s every %d s%n",
                    rate, minutes, agencies.size(), monitorUrl, sampleSeconds);
            console.flush();
            startNanos = System.nanoTime();
            rounds.scheduleAtFixedRate(() -> round(watcher, console), sampleSeconds, sampleSeconds, TimeUnit.SECONDS);
            publish(sender, agencies, intended, heap);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (System.nanoTime() < deadline && (accepted.get() + failed.get() < sent.get()
                    || watcher.decided() < accepted.get() || watcher.feedRecords() < watcher.expected())) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            rounds.shutdown();
            rounds.awaitTermination(30, TimeUnit.SECONDS);
            round(watcher, console);
            List<HeapSample> live = heap.samples();
            HeapFlatness flatness = HeapFlatness.of(live, heapTolerance);
            SoakResult result = result(watcher, live, flatness);
            print(console, result);
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                JsonMapper.builder().findAndAddModules().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), result);
                console.println("soak: result written to " + out);
            }
            console.flush();
            boolean complete = result.decided() >= result.accepted() && result.feedRecords() >= result.expectedFeedRecords();
            boolean healthy = result.verdicts().getOrDefault(MonitorVerdict.Level.ATTENTION, 0L) == 0
                    && result.verdicts().getOrDefault(MonitorVerdict.Level.UNREACHABLE, 0L) == 0;
            // Not judged (a soak too short to reach the counts, or no --pid) is reported, not failed.
            boolean heapOk = !flatness.judged() || flatness.flat();
            return result.failed() == 0 && complete && healthy && heapOk ? 0 : 1;
        } finally {
            rounds.shutdownNow();
        }
    }

    private void validateHeapOptions() {
        for (int i = 0; i < heapAt.length; i++) {
            if (heapAt[i] < 1 || (i > 0 && heapAt[i] <= heapAt[i - 1])) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--heap-at "
                        + java.util.Arrays.toString(heapAt) + ": counts must be at least 1 and increasing");
            }
        }
        if (!(heapTolerance > 0 && heapTolerance <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--heap-tolerance " + heapTolerance
                    + ": must be a fraction above 0 and at most 1 (0.10 is 10 %)");
        }
    }

    private void publish(LibrarySender sender, List<String> agencies, Map<String, Long> intended, HeapSampler heap) throws Exception {
        long interval = 1_000_000_000L / rate;
        long total = Math.round(minutes * 60 * rate);
        for (long i = 0; i < total; i++) {
            long due = startNanos + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            TraffickingAlert a = LoadCommand.alert(i, agencies.get((int) (i % agencies.size())));
            a.setReportedAt(Instant.now());
            intended.put(a.getAlertId().toString(), due);
            sent.incrementAndGet();
            sender.send(a, ok -> (ok ? accepted : failed).incrementAndGet());
            heap.published(i + 1, (System.nanoTime() - startNanos) / 1e9);
        }
    }

    private synchronized void round(FeedWatcher watcher, PrintWriter console) {
        Histogram all = watcher.latency();
        Histogram interval = all.copy();
        interval.subtract(previous);
        previous = all;
        double p99 = interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(99) / 1000.0;
        SoakSample s = new SoakSample((System.nanoTime() - startNanos) / 1e9, sent.get(), accepted.get(), failed.get(),
                watcher.decided(), watcher.feedRecords(), watcher.expected(), p99, monitor(), rssMiB());
        samples.add(s);
        if (samples.size() % Math.max(1, 60 / sampleSeconds) == 0 || s.monitor().level() == MonitorVerdict.Level.ATTENTION
                || s.monitor().level() == MonitorVerdict.Level.UNREACHABLE) {
            console.printf(Locale.ROOT, "soak: %6.0f s  sent %d  accepted %d  failed %d  feed %d/%d  round p99 %.0f ms  monitor %s%s  rss %d MiB%n",
                    s.seconds(), s.sent(), s.accepted(), s.failed(), s.feedRecords(), s.expectedFeedRecords(), p99,
                    s.monitor().level(), s.monitor().reasons().isEmpty() ? "" : " " + s.monitor().reasons(), s.rssMiB());
            console.flush();
        }
    }

    /** The monitor answers its operator only: HTTP basic with the password {@code ./corridor up} keeps in the data directory. */
    static String operatorAuthorization(PlatformFiles files) {
        String user = HttpParty.OPERATOR_USER;
        String password = files.credentials().getProperty("http-" + user);
        if (password == null) {
            throw new IllegalStateException("no http-" + user + " in the data directory's credentials: the monitor cannot be asked");
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private MonitorVerdict monitor() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(monitorUrl.replaceAll("/+$", "") + "/api/v1/health"))
                    .header("Authorization", operatorAuthorization)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return MonitorVerdict.unreachable("HTTP " + r.statusCode() + ": " + r.body());
            }
            return MonitorVerdict.of(JsonMapper.shared().readTree(r.body()));
        } catch (IOException | JacksonException e) {
            return MonitorVerdict.unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MonitorVerdict.unreachable("interrupted");
        }
    }

    private long rssMiB() {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private SoakResult result(FeedWatcher watcher, List<HeapSample> heap, HeapFlatness flatness) {
        Map<MonitorVerdict.Level, Long> verdicts = new EnumMap<>(MonitorVerdict.Level.class);
        Set<String> reasons = new LinkedHashSet<>();
        double worst = 0;
        long rssMax = -1;
        for (SoakSample s : samples) {
            verdicts.merge(s.monitor().level(), 1L, Long::sum);
            reasons.addAll(s.monitor().reasons());
            if (!Double.isNaN(s.p99Ms())) {
                worst = Math.max(worst, s.p99Ms());
            }
            rssMax = Math.max(rssMax, s.rssMiB());
        }
        return new SoakResult(rate, minutes, accepted.get(), failed.get(), watcher.decided(), watcher.feedRecords(),
                watcher.expected(), Percentiles.of(watcher.latency()), worst, verdicts, List.copyOf(reasons),
                samples.isEmpty() ? -1 : samples.get(0).rssMiB(), rssMax, samples.isEmpty() ? -1 : samples.get(samples.size() - 1).rssMiB(),
                heap, flatness, List.copyOf(samples));
    }

    private static void print(PrintWriter console, SoakResult r) {
        console.printf(Locale.ROOT, "soak: %d accepted, %d failed; %d decisions; %d of %d feed records%n", r.accepted(), r.failed(),
                r.decided(), r.feedRecords(), r.expectedFeedRecords());
        console.printf(Locale.ROOT, "soak: end to end %s; worst round p99 %.0f ms%n", r.endToEnd(), r.worstRoundP99Ms());
        console.printf(Locale.ROOT, "soak: monitor rounds %s%n", r.verdicts());
        r.reasons().stream().limit(20).forEach(reason -> console.println("soak:   " + reason));
        console.printf(Locale.ROOT, "soak: platform resident memory first %d MiB, max %d MiB, last %d MiB%n", r.rssFirstMiB(),
                r.rssMaxMiB(), r.rssLastMiB());
        r.heapSamples().forEach(h -> console.printf(Locale.ROOT, "soak: live heap at %d alerts (%.0f s): %s%n", h.alerts(),
                h.seconds(), h.error() == null ? String.format(Locale.ROOT, "%.1f MiB", h.usedMiB()) : h.error()));
        console.printf("soak: heap %s: %s%n", !r.heapFlatness().judged() ? "NOT JUDGED" : r.heapFlatness().flat() ? "FLAT" : "NOT FLAT",
                r.heapFlatness().reason());
    }
}
