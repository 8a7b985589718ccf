package org.corridor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.support.kafka.FollowerStatus.State;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A view survives any record: records its callback cannot take are counted and skipped and the view stays UP; a
 * failure that stops its consumer makes it DOWN until a restarted consumer, resuming where the old one stopped, has
 * caught up. Health and metrics say so.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TopicFollowerIT {

    /** Long enough to see the view DOWN between the stop and the restart. */
    private static final RestartBackoff BACKOFF = new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(4));

    @Test
    void recordsTheCallbackFailsOnAreSkippedAndCountedAndTheViewStaysUp(TestKafka kafka) throws Exception {
        String topic = "follower-it-skip";
        kafka.createTopic(topic, 1);
        send(kafka, topic, "good-1", "throw", "overflow", "good-2");
        List<String> seen = new CopyOnWriteArrayList<>();
        Followers followers = new Followers();
        MeterRegistry meters = new SimpleMeterRegistry();
        new FollowerMeters(followers).bindTo(meters);
        try (TopicFollower follower = followers.add(follow(kafka, "skip-it", topic, r -> {
            String v = value(r);
            if (v.equals("throw")) {
                throw new IllegalStateException("a value the view cannot take");
            }
            if (v.equals("overflow")) {
                throw new StackOverflowError("a value nested too deep");
            }
            seen.add(v);
        }))) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            await(() -> follower.status().up(), "UP");
            assertThat(seen).containsExactly("good-1", "good-2");
            assertThat(follower.skipped()).isEqualTo(2);
            assertThat(follower.status().restarts()).isZero();
            assertThat(followers.state()).isEqualTo(State.UP);
            assertThat(followers.details().get("skip-it")).containsEntry("state", "UP").containsEntry("skipped", 2L);
            assertThat(meters.get(FollowerMeters.SKIPPED).tag("name", "skip-it").functionCounter().count()).isEqualTo(2.0);
            assertThat(meters.get(FollowerMeters.UP).tag("name", "skip-it").gauge().value()).isEqualTo(1.0);
        }
        assertThat(followers.all().get(0).status().state()).isEqualTo(State.CLOSED);
        assertThat(meters.get(FollowerMeters.UP).tag("name", "skip-it").gauge().value()).isZero();
    }

    @Test
    void aViewStillReadingIsWaitedForPastTheStallTimeAndItsLagFallsToZero(TestKafka kafka) throws Exception {
        String topic = "follower-it-slow";
        kafka.createTopic(topic, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Followers followers = new Followers();
        MeterRegistry meters = new SimpleMeterRegistry();
        new FollowerMeters(followers).bindTo(meters);
        try (TopicFollower follower = followers.add(follow(kafka, "slow-it", topic, r -> {
            sleep(200);
            seen.add(value(r));
        }))) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            String[] values = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "v" + i).toArray(String[]::new);
            send(kafka, topic, values);
            // 20 records at 200 ms each take about 4 s, longer than the stall time: still reading, so still waited for.
            follower.awaitCaughtUpWhileReading(Duration.ofSeconds(2));
            assertThat(seen).containsExactly(values);
            await(() -> follower.lag() == 0, "lag 0");
            assertThat(meters.get(FollowerMeters.LAG).tag("name", "slow-it").gauge().value()).isZero();
        }
    }

    @Test
    void theLeadingTopicIsReadFirstWhileItIsBehindThenTheOthersFollow(TestKafka kafka) throws Exception {
        String lead = "follower-it-lead";
        String other = "follower-it-other";
        kafka.createTopic(lead, 1);
        kafka.createTopic(other, 1);
        int leads = 5_000;
        sendAll(kafka, other, java.util.stream.IntStream.range(0, 300).mapToObj(i -> "o" + i).toArray(String[]::new));
        sendAll(kafka, lead, java.util.stream.IntStream.range(0, leads).mapToObj(i -> "l" + i).toArray(String[]::new));
        java.util.concurrent.atomic.AtomicInteger leadsRead = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> leadsReadAtOthers = new CopyOnWriteArrayList<>();
        // Small fetches, so without the lead both topics would be read side by side from the first poll on.
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024);
        try (TopicFollower follower = new TopicFollower("lead-it", props, List.of(lead, other), r -> {
            if (r.topic().equals(lead)) {
                leadsRead.incrementAndGet();
            } else {
                leadsReadAtOthers.add(leadsRead.get());
            }
        }, RestartBackoff.DEFAULT, FollowerCheckpoint.NONE, java.util.Set.of(lead))) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(leadsReadAtOthers).hasSize(300);
            // Every record of the other topic came once the leading one was at most LEADING_SLACK records behind.
            assertThat(leadsReadAtOthers.get(0)).isGreaterThanOrEqualTo(leads - (int) TopicFollower.LEADING_SLACK);
            send(kafka, other, "late");
            await(() -> leadsReadAtOthers.size() == 301, "a record of the other topic written once the leading one is read");
        }
    }

    @Test
    void aViewThatReadsNothingForTheStallTimeIsNotWaitedForLonger(TestKafka kafka) throws Exception {
        String topic = "follower-it-stuck";
        kafka.createTopic(topic, 1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (TopicFollower follower = follow(kafka, "stuck-it", topic, r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            send(kafka, topic, "stuck");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> follower.awaitCaughtUpWhileReading(Duration.ofSeconds(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("stuck-it: did not catch up with [follower-it-stuck]: nothing read for PT2S");
        } finally {
            release.countDown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStoppedFollowerIsDownUntilItsRestartCatchesUpAndHandsEveryRecordOverOnce(TestKafka kafka) throws Exception {
        String topic = "follower-it-restart";
        kafka.createTopic(topic, 1);
        send(kafka, topic, "a", "b");
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Followers followers = new Followers();
        MeterRegistry meters = new SimpleMeterRegistry();
        new FollowerMeters(followers).bindTo(meters);
        try (TopicFollower follower = followers.add(follow(kafka, "restart-it", topic, r -> {
            if (value(r).equals("fatal") && failOnce.getAndSet(false)) {
                throw new OutOfMemoryError("the process, not the record");
            }
            seen.add(value(r));
        }))) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            await(() -> follower.status().up(), "UP");

            send(kafka, topic, "c", "fatal", "d");
            await(() -> follower.status().state() == State.DOWN, "DOWN");
            assertThat(follower.status().reason()).contains("OutOfMemoryError: the process, not the record")
                    .contains(topic + "-0@3");
            assertThat(followers.state()).isEqualTo(State.DOWN);
            assertThat(followers.details().get("restart-it")).containsEntry("state", "DOWN").containsKey("reason");
            assertThat(meters.get(FollowerMeters.UP).tag("name", "restart-it").gauge().value()).isZero();
            assertThat(follower.isRunning()).isTrue();

            send(kafka, topic, "e");
            await(() -> follower.status().up(), "UP again");
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(seen).containsExactly("a", "b", "c", "fatal", "d", "e");
            assertThat(follower.skipped()).isZero();
            assertThat(follower.status().restarts()).isEqualTo(1);
            assertThat(meters.get(FollowerMeters.RESTARTS).tag("name", "restart-it").functionCounter().count()).isEqualTo(1.0);
            assertThat(meters.get(FollowerMeters.UP).tag("name", "restart-it").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void aRecordThatStopsTheFollowerTwiceIsSkippedTheSecondTime(TestKafka kafka) throws Exception {
        String topic = "follower-it-poison";
        kafka.createTopic(topic, 1);
        send(kafka, topic, "a", "poison", "b");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicFollower follower = follow(kafka, "poison-it", topic, r -> {
            if (value(r).equals("poison")) {
                throw new OutOfMemoryError("a value too big to hold");
            }
            seen.add(value(r));
        })) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            await(() -> follower.status().up(), "UP");
            assertThat(seen).containsExactly("a", "b");
            assertThat(follower.skipped()).isEqualTo(1);
            assertThat(follower.status().restarts()).isEqualTo(1);
        }
    }

    private static TopicFollower follow(TestKafka kafka, String name, String topic,
                                        Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        return new TopicFollower(name, Map.of("bootstrap.servers", kafka.bootstrapServers()), List.of(topic), onRecord,
                BACKOFF);
    }

    private static String value(ConsumerRecord<String, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    private static void send(TestKafka kafka, String topic, String... values) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v, v.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    /** Sends in small batches without waiting for each record, then for all. */
    private static void sendAll(TestKafka kafka, String topic, String... values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.BATCH_SIZE_CONFIG, 1024), new StringSerializer(),
                new ByteArraySerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v, v.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
