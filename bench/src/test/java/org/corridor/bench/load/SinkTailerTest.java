package org.corridor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkTailerTest {

    @TempDir
    Path feeds;

    @Test
    void timesTheNewLinesOfThisRunsAlertsInOldAndNewFilesAndBodies() throws Exception {
        Path osce = Files.createDirectories(feeds.resolve("osce"));
        Path today = osce.resolve("2026-12-01.jsonl");
        Files.writeString(today, line("agency-a", "before") + "\n");
        Map<String, Long> intended = FeedWatcher.newIntendedMap();
        intended.put("before", System.nanoTime());
        intended.put("one", System.nanoTime());
        intended.put("two", System.nanoTime());
        try (SinkTailer tailer = new SinkTailer(feeds, intended)) {
            Files.writeString(today, line("agency-a", "one") + "\n" + line("agency-a", "not-this-run") + "\n{\"half",
                    StandardOpenOption.APPEND);
            Path unodc = Files.createDirectories(feeds.resolve("unodc"));
            Files.writeString(unodc.resolve("2026-12-01.jsonl"), line("agency-b", "two") + "\n");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> tailer.lines() >= 2);
            // the line that was there before the start and the one of another run do not count
            assertThat(tailer.lines()).isEqualTo(2);
            assertThat(tailer.latency().getTotalCount()).isEqualTo(2);
        }
    }

    private static String line(String agency, String id) {
        return "{\"alertId\":\"" + id + "\",\"idempotencyKey\":\"" + agency + ":" + id + ":1\"}";
    }
}
