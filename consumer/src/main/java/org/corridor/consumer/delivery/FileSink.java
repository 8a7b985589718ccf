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

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.corridor.schemas.json.AlertJson;

/**
 * Appends each alert as one JSON line to {@code <dir>/<body>/<yyyy-MM-dd>.jsonl} (UTC day of delivery), with the
 * delivery's idempotency key and trace id, and forces it to disk before returning. A new file each day.
 * One instance per body; not thread-safe.
 */
public final class FileSink implements FeedSink, AutoCloseable {

    private final Path dir;
    private final Clock clock;
    private LocalDate day;
    private FileChannel channel;

    public FileSink(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public void deliver(Delivery d) throws IOException {
        ObjectNode line = AlertJson.write(d.alert());
        line.put("idempotencyKey", d.idempotencyKey());
        if (d.traceId() != null) {
            line.put("traceId", d.traceId());
        }
        FileChannel out = channelFor(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        out.force(false);
    }

    private FileChannel channelFor(LocalDate today) throws IOException {
        if (!today.equals(day)) {
            close();
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(today + ".jsonl"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            day = today;
        }
        return channel;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
