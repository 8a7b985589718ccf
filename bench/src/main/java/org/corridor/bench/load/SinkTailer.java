package org.corridor.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Tails every file sink's JSON-lines files ({@code <feeds>/<body>/<day>.jsonl}) from where they ended when it
 * started, on a thread of its own, and times each new line of one of this run's alerts against the alert's intended
 * send time: end to end to the body's sink. Before it timestamps new lines it forces the file itself, so a line
 * counts only once it is on disk (when the sink's own force came first, that returns at once). It wakes on the
 * file system's change events (inotify) and at least every 5 ms, and looks for new body folders and day files every
 * 500 ms.
 */
public final class SinkTailer implements AutoCloseable {

    private static final long RESCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Path feeds;
    private final Map<String, Long> intended;
    private final Map<Path, Tail> tails = new HashMap<>();
    private final Set<Path> watchedDirs = new HashSet<>();
    private final WatchService watch;
    private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    private final AtomicLong lines = new AtomicLong();
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private volatile boolean running = true;
    private volatile long lastLineNanos;

    /** One file being tailed. */
    private record Tail(FileChannel channel, SinkLines lines, long[] position) {
    }

    /**
     * @param feeds    the subscribers' file directory, one folder per body ({@code <data-dir>/feeds})
     * @param intended alert id to its intended send time (System.nanoTime), filled in by the publisher
     */
    public SinkTailer(Path feeds, Map<String, Long> intended) throws IOException {
        this.feeds = feeds;
        this.intended = intended;
        Files.createDirectories(feeds);
        this.watch = FileSystems.getDefault().newWatchService();
        scan(true);
        thread = new Thread(this::run, "sink-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long lastScan = System.nanoTime();
        try {
            while (running) {
                var key = watch.poll(5, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                if (System.nanoTime() - lastScan > RESCAN_NANOS) {
                    scan(false);
                    lastScan = System.nanoTime();
                }
                for (Tail t : tails.values()) {
                    read(t);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts tailing the day files not tailed yet: at their end when they existed at the start, else from 0. */
    private void scan(boolean atStart) throws IOException {
        watchDir(feeds);
        try (DirectoryStream<Path> bodies = Files.newDirectoryStream(feeds, Files::isDirectory)) {
            for (Path body : bodies) {
                watchDir(body);
                try (DirectoryStream<Path> days = Files.newDirectoryStream(body, "*.jsonl")) {
                    for (Path day : days) {
                        if (!tails.containsKey(day)) {
                            FileChannel c = FileChannel.open(day, StandardOpenOption.READ);
                            tails.put(day, new Tail(c, new SinkLines(), new long[] {atStart ? c.size() : 0}));
                        }
                    }
                }
            }
        }
    }

    private void watchDir(Path dir) throws IOException {
        if (watchedDirs.add(dir)) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
    }

    private void read(Tail t) throws IOException {
        long size = t.channel().size();
        if (size <= t.position()[0]) {
            return;
        }
        t.channel().force(false);
        long now = System.nanoTime();
        while (t.position()[0] < size) {
            buffer.clear();
            int n = t.channel().read(buffer, t.position()[0]);
            if (n <= 0) {
                break;
            }
            t.position()[0] += n;
            record(t.lines().append(buffer.array(), n), now);
        }
    }

    private void record(List<String> newLines, long now) {
        for (String line : newLines) {
            String id = SinkLines.alertId(line);
            Long sent = id == null ? null : intended.get(id);
            if (sent != null) {
                synchronized (latencyMicros) {
                    latencyMicros.recordValue(Math.max(0, (now - sent) / 1_000));
                }
                lines.incrementAndGet();
                lastLineNanos = now;
            }
        }
    }

    /** Sink lines of this run's alerts seen on disk. */
    public long lines() {
        return lines.get();
    }

    public long lastLineNanos() {
        return lastLineNanos;
    }

    public Histogram latency() {
        synchronized (latencyMicros) {
            return latencyMicros.copy();
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        running = false;
        thread.join(10_000);
        watch.close();
        for (Tail t : tails.values()) {
            t.channel().close();
        }
    }
}
