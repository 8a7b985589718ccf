package org.corridor.consumer.delivery;

import org.corridor.support.files.DailyLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.schemas.json.AlertJson;

/**
 * Appends each alert as one JSON line to {@code <dir>/<body>/<yyyy-MM-dd>.jsonl} (UTC day of delivery), with the
 * delivery's idempotency key and trace id, and forces it to disk before returning (once per group with
 * {@link #deliverAll}). A new file each day. When it opens a file whose last line is incomplete (the process died in
 * the middle of a write), it cuts that line off: its record was not committed and comes again, so readers only ever
 * see whole lines. It remembers the idempotency keys of its last {@value #RECENT_LINES} lines (read back from the file
 * when it opens it) and skips a delivery it already wrote, so the poll a restart replays does not appear twice in
 * the file. The key names the origin agency ({@link Delivery#idempotencyKey}): another agency's alert with the same
 * id and version is another line. A line written before keys carried the agency ({@code <alertId>:<version>}) still
 * counts for its alert version, so the poll replayed across that upgrade is not written twice either. A DELIVERED receipt follows for every delivery of the group, written or skipped. A write failure throws
 * (the listener retries the poll without end). One instance per body. Thread-safe: the body's listener and an
 * operator's replay or re-drive ({@link Redriver}) deliver at once, and {@link #deliver} is serialised, so each
 * group lands as one contiguous run of whole lines.
 */
public final class FileSink implements FeedSink, AutoCloseable {


    /** How many of the last lines' keys are remembered: more than one poll (500 records), which a restart replays. */
    static final int RECENT_LINES = 2_000;
    /** Writes each line straight to UTF-8 bytes: rendering a String first and encoding it cost a fifth of the sink. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DailyLines lines;
    private final Receipts receipts;

    public FileSink(Path dir, Clock clock, Receipts receipts) {
        this.lines = new DailyLines(dir, clock, RECENT_LINES);
        this.receipts = receipts;
    }

    @Override
    public synchronized List<Outcome> deliver(List<Delivery> deliveries) throws IOException {
        append(deliveries);
        deliveries.forEach(d -> receipts.delivered(d, 1));
        return java.util.Collections.nCopies(deliveries.size(), Outcome.DELIVERED);
    }

    /** Appends the lines not among the recent ones and forces them to disk. */
    private void append(List<Delivery> deliveries) throws IOException {
        List<DailyLines.Line> fresh = new java.util.ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            if (lines.seen(d.idempotencyKey()) || lines.seen(Delivery.legacyKey(d.alert()))) {
                continue;
            }
            ObjectNode line = AlertJson.write(d.alert());
            line.put("idempotencyKey", d.idempotencyKey());
            if (d.traceId() != null) {
                line.put("traceId", d.traceId());
            }
            fresh.add(new DailyLines.Line(d.idempotencyKey(), JSON.writeValueAsBytes(line)));
        }
        lines.append(fresh);
    }

    @Override
    public synchronized void close() throws IOException {
        lines.close();
    }
}
