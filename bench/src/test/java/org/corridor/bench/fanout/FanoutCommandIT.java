package org.corridor.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.corridor.bench.load.LoadCommand;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.PlatformSettings;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bare fan-out replays everything the load generator published, writes the copies asked for to its own topics
 * shaped like the feeds, sees them all committed, and leaves the subscribers' real feeds untouched. It measures
 * nothing here: speed is for bench/run.sh.
 */
class FanoutCommandIT {

    @TempDir
    Path data;

    @Test
    void replaysEveryInboundRecordIntoItsOwnTopicsOnly() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start()) {
            int load = new CommandLine(new LoadCommand()).setOut(new PrintWriter(new StringWriter())).execute("--mode", "library",
                    "--alerts", "200", "--warmup", "0", "--no-sinks", "--data-dir", data.toString(), "--no-progress");
            assertThat(load).isZero();
            Map<String, Object> client = PlatformFiles.load(data).client().kafka();
            List<String> feeds = ReferenceData.defaults().bodyIds().stream().map(Topics::feed).toList();
            try (Admin admin = Admin.create(client)) {
                Map<TopicPartition, Long> before = ends(admin, feeds);
                Path out = data.resolve("fanout.json");
                StringWriter text = new StringWriter();
                int exit = new CommandLine(new FanoutCommand()).setOut(new PrintWriter(text)).execute("--copies", "2.5",
                        "--data-dir", data.toString(), "--out", out.toString());
                assertThat(exit).as(text.toString()).isZero();
                JsonNode r = JsonMapper.shared().readTree(out.toFile());
                assertThat(r.get("inboundRecords").asLong()).isEqualTo(200);
                assertThat(r.get("feedCopies").asLong()).isEqualTo(500);
                assertThat(r.get("feedCopiesSeen").asLong()).isEqualTo(500);
                assertThat(r.get("auditBytes").asInt()).isPositive();
                assertThat(r.get("transactions").asLong()).isPositive();
                assertThat(ends(admin, feeds)).isEqualTo(before);
                String osce = FanoutTopics.feed("OSCE");
                assertThat(TopicMirror.partitions(admin, List.of(osce)).get(osce))
                        .isEqualTo(TopicMirror.partitions(admin, List.of(Topics.feed("OSCE"))).get(Topics.feed("OSCE")));
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
