package org.corridor.producer.publish.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.producer.publish.RegistryServer;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example program of docs/api.md, run as it is against a real broker and the real registry server: three versions
 * on the topic.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PublishExampleIT {

    @Test
    void theDocumentedExamplePublishesCorrectsAndRetractsOneAlert(TestKafka kafka) throws Exception {
        String topic = Topics.inbound("kz-customs");
        kafka.createTopic(topic, 3);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (RegistryServer registry = RegistryServer.start(kafka, "_schemas-publish-example-it")) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                PublishExample.main(new String[] {kafka.bootstrapServers(), registry.url()});
            } finally {
                System.setOut(stdout);
            }

            String out = printed.toString(StandardCharsets.UTF_8);
            System.out.print(out);  // into the failsafe report, as docs/api.md shows it
            assertThat(out).containsPattern("published PublishResult\\[alertId=[0-9a-f-]{36}, version=1, topic=alerts.in.kz-customs, "
                            + "partition=\\d, offset=0]\n")
                    .contains("corrected PublishResult[").contains("version=2, ")
                    .contains("retracted PublishResult[").contains("version=3, ");

            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
            assertThat(records).hasSize(3);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(records.get(0).key());
            AvroDeserializer<TraffickingAlert> reader = new AvroDeserializer<>(
                    new CachingSchemaRegistryClient(RegistryClientConfig.from(Map.of(RegistryClientConfig.URL, registry.url()))));
            reader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            List<TraffickingAlert> versions = records.stream().map(r -> reader.deserialize(topic, r.value())).toList();
            assertThat(versions).extracting(TraffickingAlert::getVersion).containsExactly(1, 2, 3);
            assertThat(versions).extracting(TraffickingAlert::getLifecycle)
                    .containsExactly(Lifecycle.NEW, Lifecycle.UPDATE, Lifecycle.RETRACTION);
            assertThat(versions.get(1).getSummary()).endsWith("driver detained");
            assertThat(versions.get(2).getRetractionReason()).isEqualTo("duplicate");
            assertThat(versions).extracting(a -> a.getAlertId().toString()).containsOnly(records.get(0).key());
        }
    }
}
