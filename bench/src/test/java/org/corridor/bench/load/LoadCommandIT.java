package org.corridor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.PlatformSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The load generator works end to end against the secured embedded platform, in every mode: every alert accepted,
 * every feed record the routing decisions name seen on its feed and as a line on disk in its body's file sink, and a
 * JSON result written; with {@code --no-feeds}, every decision and nothing else. It measures nothing here: speed is
 * for bench/run.sh.
 */
class LoadCommandIT {

    @TempDir
    Path data;

    @Test
    void libraryAndRestRunsSeeEveryFeedRecord() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start()) {
            for (String mode : new String[] {"library", "rest", "rest-batch"}) {
                Path out = data.resolve("load-" + mode + ".json");
                StringWriter text = new StringWriter();
                int exit = new CommandLine(new LoadCommand()).setOut(new PrintWriter(text)).execute("--mode", mode,
                        "--alerts", "300", "--warmup", "30", "--rate", mode.equals("rest") ? "200" : "0", "--batch-size", "40",
                        "--data-dir", data.toString(), "--rest-url", platform.restUrl(), "--no-progress", "--out", out.toString());
                assertThat(exit).as(text.toString()).isZero();
                JsonNode r = JsonMapper.shared().readTree(out.toFile());
                assertThat(r.get("accepted").asLong()).isEqualTo(300);
                assertThat(r.get("failed").asLong()).isZero();
                assertThat(r.get("expectedFeedRecords").asLong()).isPositive();
                assertThat(r.get("feedRecords").asLong()).isEqualTo(r.get("expectedFeedRecords").asLong());
                assertThat(r.at("/endToEnd/count").asLong()).isEqualTo(r.get("feedRecords").asLong());
                assertThat(r.get("sinkLines").asLong()).isEqualTo(r.get("expectedFeedRecords").asLong());
                assertThat(r.at("/endToEndSink/count").asLong()).isEqualTo(r.get("sinkLines").asLong());
                assertThat(text.toString()).contains("load: end to end p50");
            }
            // --no-feeds: done when every accepted alert's decision is seen, no feed record expected or timed.
            StringWriter text = new StringWriter();
            Path out = data.resolve("load-no-feeds.json");
            int exit = new CommandLine(new LoadCommand()).setOut(new PrintWriter(text)).execute("--alerts", "200",
                    "--warmup", "20", "--data-dir", data.toString(), "--no-feeds", "--no-progress", "--out", out.toString());
            assertThat(exit).as(text.toString()).isZero();
            JsonNode r = JsonMapper.shared().readTree(out.toFile());
            assertThat(r.get("accepted").asLong()).isEqualTo(200);
            assertThat(r.get("expectedFeedRecords").asLong()).isZero();
            assertThat(r.get("feedRecords").asLong()).isZero();
            assertThat(r.get("sinkLines").asLong()).isZero();
            assertThat(text.toString()).contains("load: 200 routing decisions; feeds not read (--no-feeds)");
        }
    }
}
