package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history of another process's publications: an alert it published is found by scanning, and once the id index
 * has caught up, an id the topic never held is answered without opening a consumer (the REST POST of a new id).
 */
@ExtendWith(KafkaBrokerExtension.class)
class TopicAlertHistoryIT {

    @Test
    void findsOtherProcessesAlertsAndAnswersNewIdsWithoutAScan(TestKafka kafka) throws Exception {
        String agency = "history-it";
        kafka.createTopic(Topics.inbound(agency), 3);
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
        TraffickingAlert alert = SampleAlerts.heroinSeizure().setOriginAgency(
                new org.corridor.schemas.avro.Agency(agency, "TJ", "History IT")).build();
        AlertValidator validator = new AlertValidator(ReferenceData.defaults(), Clock.systemUTC());
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (AlertPublisher other = new AlertPublisher(
                new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                        "acks", "all"), new org.apache.kafka.common.serialization.StringSerializer(), new org.corridor.support.serde.AvroSerializer<>(registry, Map.of(), false)),
                validator, new TopicAlertHistory(() -> null, null), Clock.systemUTC())) {
            other.publish(alert).get();
        }

        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicInteger scans = new AtomicInteger();
        AvroDeserializer<TraffickingAlert> deserializer = new AvroDeserializer<>(registry);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        try (TopicAlertHistory history = new TopicAlertHistory(() -> {
            scans.incrementAndGet();
            return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }, deserializer, props)) {
            assertThat(history.latest(agency, alert.getAlertId())).get().extracting(TraffickingAlert::getVersion).isEqualTo(1);
            int before = scans.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                int s = scans.get();
                return history.latest(agency, UUID.randomUUID()).isEmpty() && scans.get() == s;
            });
            int after = scans.get();
            for (int i = 0; i < 100; i++) {
                assertThat(history.latest(agency, UUID.randomUUID())).isEmpty();
            }
            assertThat(scans.get()).isEqualTo(after).isGreaterThanOrEqualTo(before);
        }
    }
}
