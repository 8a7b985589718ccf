package org.corridor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A view survives records its callback cannot take: they are counted and skipped, and the records after them arrive. */
@ExtendWith(KafkaBrokerExtension.class)
class TopicFollowerIT {

    @Test
    void recordsTheCallbackFailsOnAreSkippedAndCountedAndTheViewGoesOn(TestKafka kafka) throws Exception {
        String topic = "follower-it";
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (String v : List.of("good-1", "throw", "overflow", "good-2")) {
                producer.send(new ProducerRecord<>(topic, v, v.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicFollower follower = new TopicFollower("follower-it", Map.of("bootstrap.servers", kafka.bootstrapServers()),
                List.of(topic), r -> {
                    String v = new String(r.value(), StandardCharsets.UTF_8);
                    if (v.equals("throw")) {
                        throw new IllegalStateException("a value the view cannot take");
                    }
                    if (v.equals("overflow")) {
                        throw new StackOverflowError("a value nested too deep");
                    }
                    seen.add(v);
                })) {
            follower.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(seen).containsExactly("good-1", "good-2");
            assertThat(follower.skipped()).isEqualTo(2);
            assertThat(follower.isRunning()).isTrue();
        }
    }
}
