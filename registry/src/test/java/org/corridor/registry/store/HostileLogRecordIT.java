package org.corridor.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.corridor.registry.RegistryRunner;
import org.corridor.registry.api.Http;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** Whoever can write _schemas can write anything: the registry skips and counts what it cannot read, and stays UP. */
@ExtendWith(KafkaBrokerExtension.class)
class HostileLogRecordIT {

    private static final String TOPIC = "_schemas-hostile-it";

    @Test
    void recordsTheStateCannotTakeAreSkippedCountedAndShownInHealth(TestKafka kafka) throws Exception {
        kafka.createTopic(TOPIC, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, new byte[] {(byte) 0xff, 0, 1}, "not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(TOPIC, "{\"keytype\":\"SCHEMA\"".getBytes(StandardCharsets.UTF_8),
                    "[".repeat(100_000).getBytes(StandardCharsets.UTF_8))).get();
        }
        try (ConfigurableApplicationContext registry = RegistryRunner.start(kafka.bootstrapServers(), TOPIC,
                Map.of("management.endpoint.health.show-details", "always"))) {
            Http http = new Http(RegistryRunner.url(registry));
            assertThat(http.post("/subjects/s-value/versions", Http.schemaBody("\"string\"")).status()).isEqualTo(200);
            var health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/components/schemaLog/status").asText()).isEqualTo("UP");
            assertThat(health.json().at("/components/schemaLog/details/skipped").asLong()).isEqualTo(2);
            assertThat(registry.getBean(KafkaSchemaLog.class).skipped()).isEqualTo(2);
        }
    }
}
