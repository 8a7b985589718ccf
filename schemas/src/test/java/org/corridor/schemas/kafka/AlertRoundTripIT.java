package org.corridor.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 varied alerts through a real broker: idempotent producer with acks=all, Avro values, read back with
 * read_committed, every field compared.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertRoundTripIT {

    private static final int COUNT = 10_000;
    private static final String TOPIC = "alerts.in.round-trip";

    /** Avro binary in Avro's own single-object encoding (the Confluent wire format comes with the registry). */
    static final class AlertSerializer implements Serializer<TraffickingAlert> {
        @Override
        public byte[] serialize(String topic, TraffickingAlert alert) {
            try {
                ByteBuffer buffer = alert.toByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class AlertDeserializer implements Deserializer<TraffickingAlert> {
        @Override
        public TraffickingAlert deserialize(String topic, byte[] data) {
            try {
                return TraffickingAlert.fromByteBuffer(ByteBuffer.wrap(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void tenThousandAlertsComeBackFieldForField(TestKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 3);
        Map<String, TraffickingAlert> sent = new LinkedHashMap<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, TraffickingAlert> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new AlertSerializer())) {
            for (long seed = 0; seed < COUNT; seed++) {
                TraffickingAlert alert = SampleAlerts.random(seed);
                String key = alert.getAlertId().toString();
                sent.put(key, alert);
                acks.add(producer.send(new ProducerRecord<>(TOPIC, key, alert)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get().offset()).isNotNegative();
            }
        }
        assertThat(sent).hasSize(COUNT);

        Map<String, TraffickingAlert> received = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (KafkaConsumer<String, TraffickingAlert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-check",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AlertDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (received.size() < COUNT && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, TraffickingAlert> r : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(r.key()).isEqualTo(r.value().getAlertId().toString());
                    if (received.put(r.key(), r.value()) != null) {
                        duplicates.add(r.key());
                    }
                }
            }
        }
        assertThat(duplicates).isEmpty();
        assertThat(received).hasSize(COUNT);
        for (Map.Entry<String, TraffickingAlert> e : sent.entrySet()) {
            // SpecificRecord equality compares every field, nested records and lists included.
            assertThat(received.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
