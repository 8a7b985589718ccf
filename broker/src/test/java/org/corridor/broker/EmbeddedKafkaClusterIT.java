package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three KRaft nodes in one JVM: replication factor 3, min.insync.replicas 2, writes go on with one node down. */
class EmbeddedKafkaClusterIT {

    @TempDir
    Path dataDir;

    @Test
    void threeNodesReplicateAndSurviveTheLossOfOne() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.create(dataDir, 3, Map.of()).start(Duration.ofSeconds(90));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            // Each node is ready when it has registered; the others learn of it through the metadata log shortly after.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.describeCluster().nodes().get().size() == 3);
            admin.createTopics(List.of(new NewTopic("replicated", 3, (short) 3))).all().get();
            TopicDescription d = admin.describeTopics(List.of("replicated")).allTopicNames().get().get("replicated");
            assertThat(d.partitions()).allSatisfy(p -> assertThat(p.isr()).hasSize(3));
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            assertThat(admin.describeConfigs(List.of(broker)).all().get().get(broker).get("min.insync.replicas").value()).isEqualTo("2");

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>("replicated", "k" + i, "v")).get();
                }
                cluster.stopNode(2);
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>("replicated", "k" + i, "v")).get();
                }
                cluster.startNode(2, Duration.ofSeconds(60));
                producer.send(new ProducerRecord<>("replicated", "after", "v")).get();
            }
        }
    }
}
