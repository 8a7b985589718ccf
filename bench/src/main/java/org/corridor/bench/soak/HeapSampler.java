package org.corridor.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes a {@link HeapProbe} sample each time the published count reaches one of the configured counts, on a thread of
 * its own so publishing keeps its pace while the platform runs its full GC. {@link #published} is called by the
 * publishing thread; {@link #samples} waits for the samples under way. Thread-safe.
 */
final class HeapSampler implements AutoCloseable {

    private final HeapProbe probe;
    private final long[] at;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "soak-heap-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<HeapSample> samples = new ArrayList<>();
    private int next;

    /**
     * @param probe the platform's probe, null when its pid is not known (then nothing is sampled)
     * @param at    the published counts to sample at, increasing
     */
    HeapSampler(HeapProbe probe, long[] at) {
        this.probe = probe;
        this.at = at.clone();
    }

    /** The publisher's count after one more alert; samples when it is the next configured count. */
    void published(long count, double seconds) {
        if (probe == null || next >= at.length || count < at[next]) {
            return;
        }
        long target = at[next++];
        thread.execute(() -> {
            HeapSample s;
            try {
                s = new HeapSample(target, seconds, probe.liveMiB(), null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                s = new HeapSample(target, seconds, -1, e.toString());
            }
            synchronized (samples) {
                samples.add(s);
            }
        });
    }

    /** The samples taken, in count order, once those under way are done (waits up to two minutes). */
    List<HeapSample> samples() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(2, TimeUnit.MINUTES);
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
