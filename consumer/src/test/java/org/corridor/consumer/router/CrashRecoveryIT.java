package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.consumer.RouterApplication;
import org.corridor.consumer.RouterFixture;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router runs as a separate process and is killed (SIGKILL, no clean shutdown) in the middle of the stream, then
 * restarted with the same instance id: every feed still holds each of its alerts exactly once, read_committed, and the
 * audit holds one decision per alert.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CrashRecoveryIT {

    private static final int COUNT = 4_000;

    @TempDir
    Path logs;

    private Process startRouter(RouterFixture fixture, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RouterApplication.class.getName()));
        fixture.routerProperties("crash-it").forEach((k, v) -> command.add("--" + k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(log).toFile()).start();
    }

    @Test
    void killedRouterRestartsWithEveryFeedExactlyOnce(TestKafka kafka) throws Exception {
        try (RouterFixture fixture = new RouterFixture(kafka, "_schemas-crash-it")) {
            List<RoutingIT.Template> templates = RoutingIT.templates();
            List<TraffickingAlert> alerts = new ArrayList<>();
            Map<String, Set<String>> expectedByBody = new HashMap<>();
            for (int i = 0; i < COUNT; i++) {
                RoutingIT.Template t = templates.get(i % templates.size());
                TraffickingAlert a = TraffickingAlert.newBuilder(t.alert().build()).setAlertId(UUID.randomUUID()).build();
                alerts.add(a);
                t.expected().forEach(b -> expectedByBody.computeIfAbsent(b, x -> new HashSet<>()).add(a.getAlertId().toString()));
            }
            Set<String> ids = new HashSet<>();
            alerts.forEach(a -> ids.add(a.getAlertId().toString()));
            fixture.publish(alerts);

            Process first = startRouter(fixture, "router-1.log");
            try {
                fixture.awaitDecisions(ids, 300, Duration.ofSeconds(120));
            } finally {
                first.destroyForcibly().waitFor();
            }
            int routedBeforeKill = fixture.records(Topics.AUDIT, ids).size();

            Process second = startRouter(fixture, "router-2.log");
            try {
                fixture.awaitDecisions(ids, COUNT, Duration.ofSeconds(180));
            } finally {
                second.destroy();
                second.waitFor();
            }
            assertThat(routedBeforeKill).as("killed mid-stream").isLessThan(COUNT);
            List<ConsumerRecord<String, byte[]>> audit = fixture.records(Topics.AUDIT, ids);
            assertThat(audit.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(COUNT);
            assertThat(audit).hasSize(COUNT);
            for (String body : ReferenceData.defaults().bodyIds()) {
                List<String> keys = fixture.records(Topics.feed(body), ids).stream().map(ConsumerRecord::key).toList();
                assertThat(keys).as("feed of %s has no duplicate", body).doesNotHaveDuplicates();
                assertThat(new HashSet<>(keys)).as("feed of %s", body).isEqualTo(expectedByBody.getOrDefault(body, Set.of()));
            }
        }
    }
}
