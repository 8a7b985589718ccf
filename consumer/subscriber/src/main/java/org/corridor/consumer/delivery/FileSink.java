package org.corridor.consumer.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.schemas.json.AlertJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(FileSink.class);

    /** How many of the last lines' keys are remembered: more than one poll (500 records), which a restart replays. */
    static final int RECENT_LINES = 2_000;
    private static final int TAIL_BYTES = 8 << 20;
    /** Writes each line straight to UTF-8 bytes: rendering a String first and encoding it cost a fifth of the sink. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

    /** Keys of the last lines written, oldest first. */
    private final java.util.LinkedHashSet<String> recent = new java.util.LinkedHashSet<>();
    private final Path dir;
    private final Clock clock;
    private final Receipts receipts;
    private LocalDate day;
    private FileChannel channel;

    public FileSink(Path dir, Clock clock, Receipts receipts) {
        this.dir = dir;
        this.clock = clock;
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
        if (deliveries.isEmpty()) {
            return;
        }
        FileChannel out = channelFor(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        List<Delivery> fresh = deliveries.stream()
                .filter(d -> !recent.contains(d.idempotencyKey()) && !recent.contains(Delivery.legacyKey(d.alert()))).toList();
        if (fresh.isEmpty()) {
            return;
        }
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream(1024 * fresh.size());
        for (Delivery d : fresh) {
            ObjectNode line = AlertJson.write(d.alert());
            line.put("idempotencyKey", d.idempotencyKey());
            if (d.traceId() != null) {
                line.put("traceId", d.traceId());
            }
            JSON.writeValue(lines, line);
            lines.write('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toByteArray());
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
            fresh.forEach(d -> remember(d.idempotencyKey()));
        } catch (IOException e) {
            // A full disk, say: part of a line may be written. Reopening cuts it off before the retry appends.
            close();
            day = null;
            throw e;
        }
    }

    private FileChannel channelFor(LocalDate today) throws IOException {
        if (!today.equals(day)) {
            close();
            // Alerts are for their body only: the feed directory and files are owner-only.
            org.corridor.support.security.OwnerOnly.directory(dir);
            Path file = org.corridor.support.security.OwnerOnly.file(dir.resolve(today + ".jsonl"));
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            cutIncompleteLine(channel, file);
            rememberTail(channel);
            day = today;
        }
        return channel;
    }

    private void remember(String key) {
        recent.add(key);
        if (recent.size() > RECENT_LINES) {
            recent.remove(recent.iterator().next());
        }
    }

    /** Reads the idempotency keys of the file's last lines (at most {@link #RECENT_LINES}, from the last 8 MiB). */
    private void rememberTail(FileChannel file) throws IOException {
        long end = file.position();
        long from = Math.max(0, end - TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate((int) (end - from));
        while (tail.hasRemaining() && file.read(tail, from + tail.position()) >= 0) {
            // read the whole tail
        }
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        List<String> keys = new java.util.ArrayList<>();
        java.util.regex.Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        keys.subList(Math.max(0, keys.size() - RECENT_LINES), keys.size()).forEach(this::remember);
    }

    /** Positions the channel after the last newline, cutting off a line a crash left half-written. */
    private static void cutIncompleteLine(FileChannel file, Path path) throws IOException {
        long size = file.size();
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        search:
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - from));
            while (block.hasRemaining() && file.read(block, from + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    end = from + i + 1;
                    break search;
                }
            }
            end = from;
        }
        if (end < size) {
            log.warn("{}: cutting off an incomplete last line of {} bytes left by an interrupted write", path, size - end);
            file.truncate(end);
            file.force(false);
        }
        file.position(end);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
