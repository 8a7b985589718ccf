package org.corridor.producer.bulk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.corridor.producer.bulk.ImportSummary.Problem;
import org.corridor.producer.publish.AlertPublisher;
import org.corridor.schemas.validation.Violation;

/**
 * Publishes the rows of a file: invalid rows go to the rejected file, rows already on the topic are skipped, the
 * rest are sent with up to {@code window} alerts in flight. Reports progress after each row.
 */
public final class BulkImporter {

    private final AlertPublisher publisher;
    private final Set<String> alreadyPublished;
    private final int window;

    /** @param alreadyPublished alert ids on the agency's topic before the import; rows with these ids are skipped */
    public BulkImporter(AlertPublisher publisher, Set<String> alreadyPublished, int window) {
        this.publisher = publisher;
        this.alreadyPublished = alreadyPublished;
        this.window = window;
    }

    ImportSummary run(ImportFile file, Path rejectedPath, LongConsumer progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long rows = 0;
        long skipped = 0;
        AtomicLong published = new AtomicLong();
        List<Problem> rejected = new ArrayList<>();
        List<Problem> failed = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(window);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Path rejectedFile;
        try (RejectedRows rejects = new RejectedRows(rejectedPath, file.header())) {
            for (Iterator<ImportRow> it = file.rows(); it.hasNext(); ) {
                ImportRow row = it.next();
                rows++;
                if (!row.violations().isEmpty()) {
                    String reason = row.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
                    rejected.add(new Problem(row.number(), reason));
                    rejects.write(row, reason);
                } else if (!alreadyPublished.add(row.alert().getAlertId().toString())) {
                    skipped++;
                } else {
                    inFlight.acquire();
                    long number = row.number();
                    sends.add(publisher.publish(row.alert(), "import-" + row.alert().getAlertId()).whenComplete((result, error) -> {
                        inFlight.release();
                        if (error == null) {
                            published.incrementAndGet();
                        } else {
                            failed.add(new Problem(number, error.getMessage()));
                        }
                    }));
                }
                progress.accept(rows);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            rejectedFile = rejects.finish();
        }
        return new ImportSummary(rows, published.get(), skipped, rejected, List.copyOf(failed), rejectedFile,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
