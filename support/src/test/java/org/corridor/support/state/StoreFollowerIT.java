package org.corridor.support.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view kept in a store resumes from its checkpoint: a restart hands over only the records written since, and the
 * view is what it was plus those; a topic deleted and created again, or another format, rebuilds it from the start.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StoreFollowerIT {

    @TempDir
    Path dir;

    @Test
    void aRestartReadsOnlyWhatChangedSinceTheCheckpoint(TestKafka kafka) throws Exception {
        String topic = "store-follower-it-resume";
        kafka.createTopic(topic, 3);
        send(kafka, topic, 0, 300);
        try (StateStore store = StateStore.open(dir, "resume");
             TopicFollower follower = follow(kafka, store, "v1", topic)) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(follower.handed()).isEqualTo(300);
            assertThat(value(store, "key-299")).isEqualTo("value-299");
        }
        send(kafka, topic, 300, 320);
        try (StateStore store = StateStore.open(dir, "resume");
             TopicFollower follower = follow(kafka, store, "v1", topic)) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(follower.handed()).isEqualTo(20);
            assertThat(value(store, "key-0")).isEqualTo("value-0");
            assertThat(value(store, "key-319")).isEqualTo("value-319");
            // Live records go on being checkpointed.
            send(kafka, topic, 320, 321);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.get("key-320") != null);
        }
        try (StateStore store = StateStore.open(dir, "resume");
             TopicFollower follower = follow(kafka, store, "v2", topic)) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(follower.handed()).as("another format: rebuilt from the start").isEqualTo(321);
        }
    }

    @Test
    void aTopicCreatedAgainRebuildsTheView(TestKafka kafka) throws Exception {
        String topic = "store-follower-it-recreated";
        kafka.createTopic(topic, 1);
        send(kafka, topic, 0, 50);
        try (StateStore store = StateStore.open(dir, "recreated");
             TopicFollower follower = follow(kafka, store, "v1", topic)) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.deleteTopics(List.of(topic)).all().get();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get().contains(topic));
        }
        kafka.createTopic(topic, 1);
        send(kafka, topic, 1000, 1005);
        try (StateStore store = StateStore.open(dir, "recreated");
             TopicFollower follower = follow(kafka, store, "v1", topic)) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(follower.handed()).isEqualTo(5);
            assertThat(store.get("key-0")).as("the old topic's values are gone").isNull();
            assertThat(value(store, "key-1004")).isEqualTo("value-1004");
        }
    }

    @Test
    void aViewThatAloneWritesItsStoreWritesEachPollAtOnceAndIsReadOnceCaughtUp(TestKafka kafka) throws Exception {
        String topic = "store-follower-it-batched";
        kafka.createTopic(topic, 3);
        send(kafka, topic, 0, 2_000);
        try (StateStore store = StateStore.open(dir, "batched");
             TopicFollower follower = StoreFollower.follow(store, "v1", "batched-it", Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100), List.of(topic), java.util.Set.of(),
                     StoreFollower.Writers.ONLY_THIS_VIEW, r -> store.update("count", old -> String.valueOf(
                             old == null ? 1 : Integer.parseInt(new String(old, StandardCharsets.UTF_8)) + 1)
                             .getBytes(StandardCharsets.UTF_8)))) {
            // This thread is not the follower's: once caught up, every poll's writes have been written.
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            // Should this ever fail again (once in CI, 1,413 of 2,000, not reproduced since): say what the view saw.
            assertThat(value(store, "count")).as("handed %d, skipped %d, checkpoint %s, status %s", follower.handed(),
                    follower.skipped(), store.positions(), follower.status()).isEqualTo("2000");
            // Live records go on being written with their checkpoints.
            send(kafka, topic, 2_000, 2_010);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "2010".equals(value(store, "count")));
        }
        try (StateStore store = StateStore.open(dir, "batched")) {
            assertThat(value(store, "count")).as("written with the checkpoints, so kept").isEqualTo("2010");
            assertThat(store.positions().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_010);
        }
    }

    private static TopicFollower follow(TestKafka kafka, StateStore store, String format, String topic) {
        return StoreFollower.follow(store, format, "store-it", Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), List.of(topic), r -> store.put(r.key(), r.value()));
    }

    private static String value(StateStore store, String key) {
        byte[] v = store.get(key);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private static void send(TestKafka kafka, String topic, int from, int to) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = from; i < to; i++) {
                sent.add(p.send(new ProducerRecord<>(topic, "key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8))));
            }
            p.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();  // every record is on the broker before the view is asked about it
            }
        }
    }
}
