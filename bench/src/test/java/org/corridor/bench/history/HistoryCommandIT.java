package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.corridor.bench.load.LoadCommand;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.consumer.audit.AuditCommand;
import org.corridor.platform.EmbeddedPlatform;
import org.corridor.platform.PlatformSettings;
import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history lands on the platform's topics as the router's and subscriber's principals, one decision per alert
 * continuing the chains the router began, so {@code audit verify} holds; after a restart the platform routes on top of
 * it and the chains still hold. Nothing is timed here: bench/history.sh measures.
 */
class HistoryCommandIT {

    @TempDir
    Path data;

    @Test
    void writesHistoryThatContinuesTheChainsAndThePlatformRoutesOnTopOfIt() throws Exception {
        try (EmbeddedPlatform platform = platform()) {
            assertThat(load(30)).isZero();
            Map<String, Long> before = ends();
            Path out = data.resolve("history.json");
            StringWriter text = new StringWriter();
            int exit = new CommandLine(new HistoryCommand()).setOut(new PrintWriter(text)).execute("400", "--data-dir",
                    data.toString(), "--templates", "64", "--no-progress", "--out", out.toString());
            assertThat(exit).as(text.toString()).isZero();
            JsonNode r = JsonMapper.shared().readTree(out.toFile());
            assertThat(r.get("chainsVerified").asBoolean()).isTrue();
            assertThat(r.get("records").get(Topics.AUDIT).asLong()).isEqualTo(400);
            assertThat(r.get("records").get(Topics.RECIPIENTS).asLong()).isEqualTo(400);
            long receipts = r.get("records").get(Topics.RECEIPTS).asLong();
            assertThat(receipts).isBetween(400L, 1600L).matches(n -> n % 2 == 0, "a DELIVERED and an ACKNOWLEDGED per body");
            Map<String, Long> after = ends();
            assertThat(after.get(Topics.AUDIT) - before.get(Topics.AUDIT)).isEqualTo(400);
            assertThat(after.get(Topics.RECIPIENTS) - before.get(Topics.RECIPIENTS)).isEqualTo(400);
            // At least: the subscriber may still be writing the receipts of the routed alerts.
            assertThat(after.get(Topics.RECEIPTS) - before.get(Topics.RECEIPTS)).isGreaterThanOrEqualTo(receipts);
            assertThat(verify()).as("audit verify after the history").isZero();
        }
        try (EmbeddedPlatform again = platform()) {
            assertThat(load(20)).as("routing after a restart on the history").isZero();
            assertThat(verify()).as("audit verify after routing on top of the history").isZero();
        }
    }

    private EmbeddedPlatform platform() throws Exception {
        return new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start();
    }

    private int load(int alerts) {
        return new CommandLine(new LoadCommand()).setOut(new PrintWriter(new StringWriter())).execute("--mode", "library",
                "--alerts", Integer.toString(alerts), "--warmup", "0", "--no-sinks", "--data-dir", data.toString(), "--no-progress");
    }

    private int verify() {
        return new CommandLine(new AuditCommand()).setOut(new PrintWriter(new StringWriter()))
                .execute("verify", "--data-dir", data.toString());
    }

    /** End offsets summed over each topic's partitions. */
    private Map<String, Long> ends() throws Exception {
        List<String> topics = List.of(Topics.AUDIT, Topics.RECIPIENTS, Topics.RECEIPTS);
        try (Admin admin = Admin.create(PlatformFiles.load(data).client().kafka())) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> sums = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, o) -> sums.merge(tp.topic(), o.offset(), Long::sum));
            return sums;
        }
    }
}
