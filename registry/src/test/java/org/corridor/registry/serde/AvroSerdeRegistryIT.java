package org.corridor.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.registry.RegistryRunner;
import org.corridor.registry.api.Http;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.registry.SchemaRegistryClientException;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** The serdes, Corridor's registry and a real broker together: alerts round-trip, and v1 and v2 read each other. */
@ExtendWith(KafkaBrokerExtension.class)
class AvroSerdeRegistryIT {

    private static ConfigurableApplicationContext registry;
    private static Map<String, Object> serdeConfig;

    @BeforeAll
    static void startRegistry(TestKafka kafka) {
        registry = RegistryRunner.start(kafka.bootstrapServers(), "_schemas-serde-it", Map.of());
        serdeConfig = Map.of(RegistryClientConfig.URL, RegistryRunner.url(registry));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private static <V> void produce(TestKafka kafka, String topic, Map<String, V> values,
                                    org.apache.kafka.common.serialization.Serializer<V> serializer) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), serializer)) {
            for (Map.Entry<String, V> e : values.entrySet()) {
                producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue()));
            }
            producer.flush();
        }
    }

    private static <V> Map<String, V> consume(TestKafka kafka, String topic, int count, Deserializer<V> deserializer) {
        Map<String, V> read = new LinkedHashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(300))) {
                    read.put(r.key(), r.value());
                }
            }
        }
        return read;
    }

    private static Map<String, TraffickingAlert> alerts(int count, long firstSeed) {
        Map<String, TraffickingAlert> alerts = new LinkedHashMap<>();
        for (long seed = firstSeed; seed < firstSeed + count; seed++) {
            TraffickingAlert a = SampleAlerts.random(seed);
            alerts.put(a.getAlertId().toString(), a);
        }
        return alerts;
    }

    @Test
    void alertsRoundTripThroughBrokerAndRegistry(TestKafka kafka) throws Exception {
        String topic = "alerts.in.serde-round-trip";
        kafka.createTopic(topic, 3);
        Map<String, TraffickingAlert> sent = alerts(2_000, 0);
        AvroSerializer<TraffickingAlert> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig, false);
        produce(kafka, topic, sent, serializer);

        AvroDeserializer<TraffickingAlert> deserializer = new AvroDeserializer<>();
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        deserializer.configure(config, false);
        assertThat(consume(kafka, topic, sent.size(), deserializer)).isEqualTo(sent);

        Http http = new Http(RegistryRunner.url(registry));
        assertThat(http.get("/subjects/" + topic + "-value/versions").body()).isEqualTo("[1]");
        assertThat(new Schema.Parser().parse(http.get("/subjects/" + topic + "-value/versions/1/schema").body()))
                .isEqualTo(TraffickingAlert.getClassSchema());
    }

    @Test
    void v2ReaderReadsV1RecordsAndV1ReaderReadsV2Records(TestKafka kafka) throws Exception {
        String topic = "alerts.in.serde-evolution";
        kafka.createTopic(topic, 1);
        SchemaRegistryClient client = new CachingSchemaRegistryClient(RegistryClientConfig.from(serdeConfig));
        Map<String, TraffickingAlert> v1 = alerts(200, 10_000);
        produce(kafka, topic, v1, new AvroSerializer<>(client, serdeConfig, false));

        Schema v2Schema = SampleAlerts.alertSchemaV2();
        AvroDeserializer<GenericRecord> v2Reader = new AvroDeserializer<>(client, v2Schema);
        v2Reader.configure(serdeConfig, false);
        Map<String, GenericRecord> readAsV2 = consume(kafka, topic, v1.size(), v2Reader);
        assertThat(readAsV2).hasSize(v1.size());
        readAsV2.forEach((id, record) -> {
            assertThat(record.get("seizingUnit")).isNull();
            assertThat(record.get("summary").toString()).isEqualTo(v1.get(id).getSummary());
        });

        // A v2 producer: the same alerts with the new field set, registered as version 2 (BACKWARD-compatible).
        Map<String, GenericRecord> v2 = new LinkedHashMap<>();
        for (TraffickingAlert alert : v1.values()) {
            GenericRecord record = asV2(alert, v2Schema);
            record.put("seizingUnit", "Mobile group " + alert.getVersion());
            v2.put(alert.getAlertId() + "-v2", record);
        }
        produce(kafka, topic, v2, new AvroSerializer<>(client, serdeConfig, false));
        Http http = new Http(RegistryRunner.url(registry));
        assertThat(http.get("/subjects/" + topic + "-value/versions").body()).isEqualTo("[1,2]");

        AvroDeserializer<TraffickingAlert> v1Reader = new AvroDeserializer<>(client);
        v1Reader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        Map<String, TraffickingAlert> all = consume(kafka, topic, v1.size() * 2, v1Reader);
        v1.forEach((id, alert) -> {
            assertThat(all.get(id)).isEqualTo(alert);
            assertThat(all.get(id + "-v2")).as("v1 reader of a v2 record").isEqualTo(alert);
        });
    }

    @Test
    void incompatibleSchemaIsRefusedToTheSerializer(TestKafka kafka) throws Exception {
        String topic = "alerts.in.serde-incompatible";
        SchemaRegistryClient client = new CachingSchemaRegistryClient(RegistryClientConfig.from(serdeConfig));
        new AvroSerializer<TraffickingAlert>(client, serdeConfig, false).serialize(topic, SampleAlerts.random(1));
        Schema required = new Schema.Parser().parse(TraffickingAlert.getClassSchema().toString()
                .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"mandatory\",\"type\":\"string\"},"));
        GenericRecord record = new org.apache.avro.generic.GenericData.Record(required);
        assertThatThrownBy(() -> new AvroSerializer<GenericRecord>(client, serdeConfig, false).serialize(topic, record))
                .isInstanceOfSatisfying(SchemaRegistryClientException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("'mandatory'");
    }

    private static GenericRecord asV2(TraffickingAlert alert, Schema v2) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(TraffickingAlert.class).write(alert, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(TraffickingAlert.getClassSchema(), v2)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
