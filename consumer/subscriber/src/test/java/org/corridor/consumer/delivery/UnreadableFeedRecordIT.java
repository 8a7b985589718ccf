package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A feed record the subscriber cannot read is not skipped in silence (#18): by the time its offset is committed, it
 * is on {@code alerts.dlq} with its bytes, the reason and where it came from, and the alert after it is delivered.
 */
@ExtendWith(KafkaBrokerExtension.class)
class UnreadableFeedRecordIT {

    private static final String BODY = "CARICC";

    @TempDir
    Path feeds;

    @Test
    void anUnreadableFeedRecordIsDeadLetteredBeforeItsOffsetIsCommitted(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-unreadable-feed-it")) {
            String feed = Topics.feed(BODY);
            fixture.createTopic(feed, 1);
            fixture.createTopic(Topics.DEAD_LETTERS, 1);
            fixture.createTopic(Topics.DEAD_LETTER_SUMMARY, 1);
            TraffickingAlert good = Alerts.neutral().setAlertId(UUID.randomUUID()).build();
            String poisonKey = UUID.randomUUID().toString();
            byte[] poison = "not an alert".getBytes(StandardCharsets.UTF_8);
            RecordMetadata poisonAt;
            RecordMetadata goodAt;
            try (KafkaProducer<String, byte[]> producer = fixture.producer()) {
                poisonAt = producer.send(new ProducerRecord<>(feed, 0, poisonKey, poison)).get(30, TimeUnit.SECONDS);
                goodAt = producer.send(new ProducerRecord<>(feed, 0, good.getAlertId().toString(),
                        new AvroSerializer<TraffickingAlert>(fixture.client, Map.of(), false).serialize(feed, good))).get(30, TimeUnit.SECONDS);
            }
            Map<String, Object> props = Subscribers.properties(fixture, BODY);
            props.put("corridor.subscriber.file-dir", feeds.toString());
            props.put("corridor.subscriber.instance-id", "unreadable-it");
            ConfigurableApplicationContext subscriber = new SpringApplicationBuilder(SubscriberApplication.class).properties(props).run();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                TopicPartition p0 = new TopicPartition(feed, 0);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(FeedEndpoint.groupId(BODY))
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(p0);
                    assertThat(committed).isNotNull();
                    assertThat(committed.offset()).as("committed past both records").isGreaterThan(goodAt.offset());
                });
                assertThat(delivered()).as("the alert after the unreadable record is delivered").anyMatch(line -> line.contains(good.getAlertId().toString()));
                assertThat(fixture.select(Topics.DEAD_LETTERS, r -> poisonKey.equals(r.key())))
                        .as("the unreadable record is on the dead-letter topic").singleElement().satisfies(r -> {
                            assertThat(r.value()).isEqualTo(poison);
                            assertThat(ExchangeFixture.header(r, Headers.DLQ_REASON_CODE)).isEqualTo("UNDECODABLE");
                            assertThat(ExchangeFixture.header(r, Headers.DLQ_REASON)).isNotBlank();
                            assertThat(ExchangeFixture.header(r, Headers.DLQ_SOURCE_TOPIC)).isEqualTo(feed);
                            assertThat(ExchangeFixture.header(r, Headers.DLQ_SOURCE_PARTITION)).isEqualTo("0");
                            assertThat(ExchangeFixture.header(r, Headers.DLQ_SOURCE_OFFSET)).isEqualTo(Long.toString(poisonAt.offset()));
                        });
            } finally {
                subscriber.close();
            }
        }
    }

    private List<String> delivered() throws Exception {
        try (Stream<Path> files = Files.walk(feeds)) {
            List<Path> lines = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            java.util.List<String> all = new java.util.ArrayList<>();
            for (Path f : lines) {
                all.addAll(Files.readAllLines(f));
            }
            return all;
        }
    }
}
