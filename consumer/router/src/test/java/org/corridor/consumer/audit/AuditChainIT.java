package org.corridor.consumer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.consumer.router.Routers;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.audit.DecisionHash;
import org.corridor.support.serde.Serdes;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import picocli.CommandLine;

/**
 * The audit's hash chain against real routers and {@code audit verify}: it holds while a second instance joins the
 * group and after an instance restarts, and a decision appended by someone else is named by its offset. Each test
 * has a broker of its own: the JVM's shared one holds the audit records of every other router test, each encoded
 * with the schema ids of that test's own registry, which this test's registry cannot decode.
 */
class AuditChainIT {

    private static final String GROUP = "corridor-router-audit-chain-it";

    @TempDir
    Path dir;

    /** Output and exit code of {@code audit verify} against the fixture's broker and registry. */
    private record Verified(int exit, String out) {
    }

    private Verified verify(ExchangeFixture fixture) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("verify", "--data-dir", dir.resolve("no-data-dir").toString(),
                "--bootstrap-servers", fixture.kafka.bootstrapServers(), "--schema-registry-url", fixture.registryUrl);
        return new Verified(exit, out.toString());
    }

    private static ConfigurableApplicationContext router(ExchangeFixture fixture, String instance) {
        // One group for every instance (Routers gives each its own); a short session so a rebalance is quick.
        return Routers.start(fixture, instance, Map.of("spring.kafka.consumer.group-id", GROUP,
                "spring.kafka.consumer.properties.session.timeout.ms", "10000"));
    }

    private static Set<String> publish(ExchangeFixture fixture, int from, int count) {
        List<TraffickingAlert> alerts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = from; i < from + count; i++) {
            TraffickingAlert a = SampleAlerts.random(i);
            alerts.add(a);
            ids.add(a.getAlertId().toString());
        }
        fixture.publish(alerts);
        return ids;
    }

    /** Audit partition to its decisions in offset order. */
    private static Map<Integer, List<RoutingDecision>> byPartition(ExchangeFixture fixture) {
        Map<Integer, List<RoutingDecision>> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : fixture.kafka.readAll(Topics.AUDIT)) {
            out.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(fixture.decodeDecision(r));
        }
        return out;
    }

    private static Set<String> writers(Map<Integer, List<RoutingDecision>> audit, int partition) {
        Set<String> out = new HashSet<>();
        audit.getOrDefault(partition, List.of()).forEach(d -> out.add(d.getRouterInstance()));
        return out;
    }

    private EmbeddedKafkaBroker broker() {
        return EmbeddedKafkaBroker.singleNode(dir.resolve("kafka"), 0, Map.of()).start(Duration.ofSeconds(60));
    }

    /** The inbound partitions the router instance's listener holds. */
    private static Set<TopicPartition> assigned(ConfigurableApplicationContext router) {
        Set<TopicPartition> out = new HashSet<>();
        router.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().forEach(c -> {
            if (c.getAssignedPartitions() != null) {
                out.addAll(c.getAssignedPartitions());
            }
        });
        return out;
    }

    private static boolean holdsPartition2(ConfigurableApplicationContext router) {
        return assigned(router).stream().anyMatch(tp -> tp.partition() == 2);
    }

    @Test
    void theChainHoldsWhileASecondInstanceJoinsAndAfterARestart() throws Exception {
        try (EmbeddedKafkaBroker broker = broker();
             ExchangeFixture fixture = new ExchangeFixture(TestKafka.at(broker.bootstrapServers(), "audit chain"), "_schemas")) {
            Set<String> ids = new HashSet<>();
            ConfigurableApplicationContext a = router(fixture, "audit-a");
            try (ConfigurableApplicationContext b = router(fixture, "audit-b")) {
                ids.addAll(publish(fixture, 0, 60));
                fixture.awaitDecisions(ids, ids.size(), Duration.ofSeconds(120));
                // The range assignor gives the second instance partition 2 of every inbound topic, and so audit 2.
                ConfigurableApplicationContext first = a;
                await().atMost(Duration.ofSeconds(60)).until(() -> holdsPartition2(b) && !holdsPartition2(first));
                ids.addAll(publish(fixture, 100, 60));
                fixture.awaitDecisions(ids, ids.size(), Duration.ofSeconds(120));
                assertThat(verify(fixture).exit()).isZero();

                // The same instance id comes back as the same static member, to the same partitions, with no heads.
                a.close();
                a = router(fixture, "audit-a");
                ConfigurableApplicationContext restarted = a;
                await().atMost(Duration.ofSeconds(60)).until(() -> !assigned(restarted).isEmpty());
                ids.addAll(publish(fixture, 200, 60));
                fixture.awaitDecisions(ids, ids.size(), Duration.ofSeconds(120));
            } finally {
                a.close();
            }
            // Both gone; once their sessions end, a third instance takes every partition and reads the heads back.
            try (ConfigurableApplicationContext c = router(fixture, "audit-c")) {
                ids.addAll(publish(fixture, 300, 60));
                fixture.awaitDecisions(ids, ids.size(), Duration.ofSeconds(120));
            }

            Map<Integer, List<RoutingDecision>> audit = byPartition(fixture);
            assertThat(audit.keySet()).containsExactly(0, 1, 2);
            assertThat(writers(audit, 2)).as("audit 2 was handed from instance to instance").contains("audit-b", "audit-c");
            assertThat(writers(audit, 0)).contains("audit-a", "audit-c");
            audit.forEach((partition, decisions) -> {
                assertThat(decisions.get(0).getPreviousDecisionSha256()).as("the first decision of %d", partition).isNull();
                assertThat(decisions.subList(1, decisions.size())).as("partition %d", partition)
                        .allSatisfy(d -> assertThat(d.getPreviousDecisionSha256()).hasSize(64));
            });
            Verified verified = verify(fixture);
            assertThat(verified.out()).contains("alerts.audit: every chain holds (3 partitions, " + ids.size() + " decisions)")
                    .doesNotContain("name no previous decision");
            assertThat(verified.exit()).isZero();
        }
    }

    @Test
    void aDecisionAppendedBySomeoneElseIsNamedByItsOffset() throws Exception {
        try (EmbeddedKafkaBroker broker = broker();
             ExchangeFixture fixture = new ExchangeFixture(TestKafka.at(broker.bootstrapServers(), "audit chain"), "_schemas");
             ConfigurableApplicationContext router = router(fixture, "audit-forged")) {
            Set<String> ids = publish(fixture, 0, 30);
            fixture.awaitDecisions(ids, ids.size(), Duration.ofSeconds(120));
            assertThat(verify(fixture).exit()).isZero();

            Map<Integer, byte[]> lastValue = new HashMap<>();
            fixture.kafka.readAll(Topics.AUDIT).forEach(r -> lastValue.put(r.partition(), r.value()));
            RoutingDecision forged = RoutingDecision.newBuilder(byPartition(fixture).get(1).get(0))
                    .setRecipients(new ArrayList<>(List.of("EUROPOL")))
                    .setPreviousDecisionSha256(DecisionHash.of("a decision that never was".getBytes())).build();
            byte[] forgedBytes = Serdes.writer(fixture.client, RoutingDecision.class).serialize(Topics.AUDIT, forged);
            // An alert, as an inbound topic holds it: the registry would refuse its schema under the audit's subject.
            byte[] notADecision = Serdes.writer(fixture.client, TraffickingAlert.class)
                    .serialize(Topics.inbound("agency-1"), SampleAlerts.random(99));
            RecordMetadata one;
            RecordMetadata two;
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                one = producer.send(new ProducerRecord<>(Topics.AUDIT, 1, forged.getAlertId().toString(), forgedBytes)).get();
                two = producer.send(new ProducerRecord<>(Topics.AUDIT, 2, "not-a-decision", notADecision)).get();
            }

            Verified verified = verify(fixture);
            assertThat(verified.exit()).isEqualTo(1);
            assertThat(verified.out()).contains("partition 1 offset " + one.offset() + ": names previous decision "
                    + forged.getPreviousDecisionSha256() + "; expected " + DecisionHash.of(lastValue.get(1)))
                    .contains("partition 2 offset " + two.offset() + ": cannot be decoded (")
                    .contains("partition 0: ").contains("chain holds")
                    .contains("alerts.audit: 2 of 3 partitions have a broken link");
        }
    }
}
