package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.corridor.broker.EmbeddedKafkaCluster;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The router on a three-node in-JVM KRaft cluster with replication factor 3 and min.insync.replicas 2, as a
 * production cluster runs: every alert gets one decision, and every feed holds exactly the alerts its decisions name,
 * once. The topics the router and the registry create are replicated three times.
 */
class ClusterRoutingIT {

    private static final int ALERTS = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void routesExactlyOnceOnAReplicatedCluster() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.create(dataDir, 3, Map.of()).start(Duration.ofSeconds(90));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TestKafka kafka = TestKafka.at(cluster.bootstrapServers(), "three-node in-JVM KRaft cluster");
            List<TraffickingAlert> alerts = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < ALERTS; i++) {
                TraffickingAlert a = SampleAlerts.random(i);
                alerts.add(a);
                ids.add(a.getAlertId().toString());
            }
            for (String agency : alerts.stream().map(a -> a.getOriginAgency().getAgencyId()).distinct().toList()) {
                try {
                    admin.createTopics(List.of(new NewTopic(Topics.inbound(agency), 3, (short) 3))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
                }
            }
            try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas", Map.of("corridor.registry.replication-factor", "3"));
                 ConfigurableApplicationContext router = Routers.start(fixture, "cluster-1",
                         Map.of("corridor.router.replication-factor", "3"))) {
                fixture.publish(alerts);
                fixture.awaitDecisions(ids, ALERTS, Duration.ofSeconds(180));

                Map<String, Set<String>> expected = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : fixture.records(Topics.AUDIT, ids)) {
                    RoutingDecision d = fixture.decodeDecision(r);
                    d.getRecipients().forEach(b -> expected.computeIfAbsent(b, x -> new TreeSet<>()).add(d.getAlertId().toString()));
                }
                assertThat(fixture.records(Topics.AUDIT, ids)).hasSize(ALERTS);
                assertThat(expected).isNotEmpty();
                for (String body : ReferenceData.defaults().bodyIds()) {
                    List<String> keys = fixture.records(Topics.feed(body), ids).stream().map(ConsumerRecord::key).toList();
                    assertThat(keys).as(body + " exactly once").doesNotHaveDuplicates();
                    assertThat(new TreeSet<>(keys)).as(body).isEqualTo(expected.getOrDefault(body, new TreeSet<>()));
                }
            }

            List<String> created = List.of(Topics.AUDIT, Topics.DEAD_LETTERS, Topics.feed("EUROPOL"), "alerts.recipients", "_schemas");
            Map<String, TopicDescription> topics = admin.describeTopics(created).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).allSatisfy(
                    p -> assertThat(p.replicas()).as(t.name()).hasSize(3)));
            ConfigResource audit = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUDIT);
            assertThat(admin.describeConfigs(List.of(audit)).all().get().get(audit).get("min.insync.replicas").value()).isEqualTo("2");
        }
    }
}
