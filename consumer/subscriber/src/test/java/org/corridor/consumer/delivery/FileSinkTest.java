package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.corridor.consumer.Alerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Delivery delivery(int n) {
        UUID id = new UUID(0, n);
        return new Delivery("UNODC", Alerts.neutral().setAlertId(id).build(), id + ":1", "trace-" + n);
    }

    private Path file() {
        return dir.resolve("2026-11-28.jsonl");
    }

    private List<String> keys() throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(file()).stream().map(line -> {
            try {
                return json.readTree(line).path("idempotencyKey").asText();
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void aGroupIsAppendedAsOneLineEachWithKeyAndTrace() throws IOException {
        try (FileSink sink = new FileSink(dir, CLOCK)) {
            sink.deliverAll(List.of(delivery(1), delivery(2), delivery(3)));
            sink.deliver(delivery(4));
        }
        assertThat(keys()).containsExactly(new UUID(0, 1) + ":1", new UUID(0, 2) + ":1", new UUID(0, 3) + ":1", new UUID(0, 4) + ":1");
        assertThat(Files.readString(file())).contains("\"traceId\":\"trace-2\"").endsWith("\n");
    }

    @Test
    void aLineCutShortByACrashIsRemovedBeforeTheNextAppend() throws IOException {
        try (FileSink sink = new FileSink(dir, CLOCK)) {
            sink.deliverAll(List.of(delivery(1), delivery(2)));
        }
        // The process died 70 KB into writing alert 3's line (longer than the sink's 64 KiB read block).
        Files.writeString(file(), "{\"alertId\":\"" + "x".repeat(70_000), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileSink sink = new FileSink(dir, CLOCK)) {
            // The restarted subscriber replays the uncommitted poll: 2 (whole in the file) and 3 (torn).
            sink.deliverAll(List.of(delivery(2), delivery(3)));
        }
        assertThat(keys()).containsExactly(new UUID(0, 1) + ":1", new UUID(0, 2) + ":1", new UUID(0, 3) + ":1");
    }

    @Test
    void aRedeliveryOfARecentLineIsSkippedButOlderOnesAreWrittenAgain() throws IOException {
        try (FileSink sink = new FileSink(dir, CLOCK)) {
            for (int i = 0; i <= FileSink.RECENT_LINES; i++) {
                sink.deliver(delivery(i));
            }
            sink.deliverAll(List.of(delivery(FileSink.RECENT_LINES), delivery(FileSink.RECENT_LINES - 1)));
            assertThat(keys()).hasSize(FileSink.RECENT_LINES + 1);
            sink.deliver(delivery(0));
        }
        assertThat(keys()).as("key 0 was no longer among the remembered").hasSize(FileSink.RECENT_LINES + 2);
    }

    @Test
    void aFileWithOnlyAnIncompleteLineStartsAgainEmpty() throws IOException {
        Files.writeString(file(), "{\"alertId\":\"half");
        try (FileSink sink = new FileSink(dir, CLOCK)) {
            sink.deliver(delivery(7));
        }
        assertThat(keys()).containsExactly(new UUID(0, 7) + ":1");
    }
}
