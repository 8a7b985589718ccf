package org.corridor.producer.rest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.corridor.producer.publish.PublishResult;

/**
 * Where the publications that wait before they return their future run: a correction or a retraction reads the
 * alert's latest version from the log (waiting for the id index to catch up) and holds the alert's version lock
 * until the broker acknowledged it. On a bounded pool, so they never occupy a servlet thread and a burst of them
 * queues here, not in Tomcat. Full pool and queue: the future fails at once with {@link RejectedExecutionException};
 * a task still queued at its deadline is not run (it fails with {@link TimeoutException}), so a request answered 503
 * does not publish later. Thread-safe.
 */
final class BlockingPublications implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    BlockingPublications(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "corridor-ingest-correction-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * @param deadline {@link System#nanoTime()} after which the call is no longer started
     * @return the call's future, run on this pool
     */
    CompletableFuture<PublishResult> run(Supplier<CompletableFuture<PublishResult>> call, long deadline) {
        try {
            return CompletableFuture.supplyAsync(() -> deadline - System.nanoTime() <= 0
                    ? CompletableFuture.<PublishResult>failedFuture(new TimeoutException("waited in the queue until the deadline"))
                    : PublishCall.start(call), pool).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
