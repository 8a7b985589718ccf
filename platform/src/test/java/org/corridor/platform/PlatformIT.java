package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The embedded platform as ./corridor up runs it: the demo scenario through the REST API, each body's received set
 * checked against the policy; then a stop and a restart on the same data directory, after which every feed still
 * holds each alert version exactly once, no subscriber file repeats a delivery and {@code ./corridor audit verify}
 * finds every audit chain intact.
 */
class PlatformIT {

    @TempDir
    Path data;

    private EmbeddedPlatform start() throws IOException {
        return new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false)).start();
    }

    @Test
    void demoScenarioReachesExactlyTheRightBodiesAndSurvivesARestart() throws Exception {
        List<DemoScenario.Published> published;
        Map<String, Set<String>> expectedFeeds = new HashMap<>();
        try (EmbeddedPlatform platform = start()) {
            published = DemoScenario.publish(platform.restUrl(), DemoAgencies.tokens(data));
            Set<String> wanted = new LinkedHashSet<>();
            published.forEach(p -> wanted.add(p.alertId() + ":" + p.version()));
            Map<String, RoutingDecision> decisions = AuditReader.await(platform.adminClient(), platform.registryUrl(),
                    wanted, Duration.ofSeconds(90));
            for (DemoScenario.Published p : published) {
                RoutingDecision d = decisions.get(p.alertId() + ":" + p.version());
                assertThat(d).as(p.step().label()).isNotNull();
                assertThat(Set.copyOf(d.getRecipients())).as(p.step().label()).isEqualTo(p.step().expected());
                // The subscriber's idempotency key: <originAgency>:<alertId>:<version>.
                p.step().expected().forEach(b -> expectedFeeds.computeIfAbsent(b, x -> new java.util.TreeSet<>())
                        .add(p.step().agency() + ":" + p.alertId() + ":" + p.version()));
            }
            assertThat(decisions.get(published.get(4).alertId() + ":1").getWithheld())
                    .anySatisfy(w -> assertThat(w.getReason().name()).isEqualTo("TLP_RED_NOT_ADDRESSED"));
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveredKeys(expectedFeeds.keySet()).equals(expectedFeeds));
            assertFeedsExactlyOnce(platform.adminClient(), expectedFeeds);
        }
        try (EmbeddedPlatform again = start()) {
            assertFeedsExactlyOnce(again.adminClient(), expectedFeeds);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                    .until(() -> deliveredKeys(expectedFeeds.keySet()).equals(expectedFeeds));
            // As an operator would, with the admin's settings that ./corridor up wrote into the data directory.
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new CorridorCli());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            assertThat(cli.execute("audit", "verify", "--data-dir", data.toString())).as(out.toString()).isZero();
            assertThat(out.toString()).contains("alerts.audit: every chain holds (3 partitions, " + published.size()
                    + " decisions)");
        }
    }

    /** Body to the idempotency keys in its subscriber files; fails on a repeated key. */
    private Map<String, Set<String>> deliveredKeys(Set<String> bodies) throws IOException {
        Map<String, Set<String>> delivered = new HashMap<>();
        ObjectMapper json = JsonMapper.builder().build();
        for (String body : bodies) {
            Path dir = data.resolve("feeds").resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length()));
            List<String> keys = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        for (String line : Files.readAllLines(f)) {
                            keys.add(json.readTree(line).get("idempotencyKey").asString());
                        }
                    }
                }
            }
            assertThat(keys).as("deliveries to %s", body).doesNotHaveDuplicates();
            delivered.put(body, new java.util.TreeSet<>(keys));
        }
        return delivered;
    }

    private static void assertFeedsExactlyOnce(Map<String, Object> client, Map<String, Set<String>> expected) {
        for (String body : ReferenceData.defaults().bodyIds()) {
            List<String> keys = new ArrayList<>();
            Map<String, Object> props = new java.util.HashMap<>(client);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(Topics.feed(body), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                        keys.add(r.key());
                    }
                }
            }
            long expectedCount = expected.getOrDefault(body, Set.of()).size();
            assertThat(keys).as("feed of %s", body).hasSize((int) expectedCount);
        }
    }
}
