package org.corridor.support.serde;

import org.corridor.schemas.serde.UnknownSchemaIdException;
import org.corridor.schemas.serde.UnknownMagicByteException;
import org.corridor.schemas.serde.WireFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.registry.SchemaRegistryClientException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "alerts.in.tj-drug-control";
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(42);
    private final TraffickingAlert alert = SampleAlerts.heroinSeizure().build();

    private AvroSerializer<TraffickingAlert> serializer(Map<String, Object> extra) {
        return new AvroSerializer<>(registry, extra, false);
    }

    private <T> AvroDeserializer<T> deserializer(boolean specific) {
        AvroDeserializer<T> d = new AvroDeserializer<>(registry);
        d.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific), false);
        return d;
    }

    @Test
    void writesTheConfluentWireFormat() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, alert);
        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 42);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(42);
        assertThat(registry.subjects()).containsExactly(TOPIC + "-value");
    }

    @Test
    void roundTripIntoTheGeneratedClass() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, alert);
        TraffickingAlert read = this.<TraffickingAlert>deserializer(true).deserialize(TOPIC, bytes);
        assertThat(read).isEqualTo(alert);
    }

    @Test
    void genericReaderGetsGenericRecords() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, alert);
        GenericRecord read = this.<GenericRecord>deserializer(false).deserialize(TOPIC, bytes);
        assertThat(read.get("summary").toString()).isEqualTo(alert.getSummary());
        assertThat(read.getSchema().getFullName()).isEqualTo("org.corridor.schemas.avro.TraffickingAlert");
    }

    @Test
    void warmSerdesMakeNoRegistryCalls() {
        AvroSerializer<TraffickingAlert> ser = serializer(Map.of());
        AvroDeserializer<TraffickingAlert> de = deserializer(true);
        de.deserialize(TOPIC, ser.serialize(TOPIC, alert));
        int afterWarmUp = registry.calls();
        for (long seed = 0; seed < 1_000; seed++) {
            de.deserialize(TOPIC, ser.serialize(TOPIC, SampleAlerts.random(seed)));
        }
        assertThat(registry.calls()).isEqualTo(afterWarmUp);
    }

    @Test
    void subjectNameStrategies() {
        serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy")).serialize(TOPIC, alert);
        serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy")).serialize(TOPIC, alert);
        new AvroSerializer<TraffickingAlert>(registry, Map.of(), true).serialize(TOPIC, alert);
        assertThat(registry.subjects()).containsExactlyInAnyOrder(
                "org.corridor.schemas.avro.TraffickingAlert",
                TOPIC + "-org.corridor.schemas.avro.TraffickingAlert",
                TOPIC + "-key");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false")).serialize(TOPIC, alert))
                .isInstanceOf(SchemaRegistryClientException.class)
                .hasMessageContaining("40401");
        serializer(Map.of()).serialize(TOPIC, alert);
        byte[] bytes = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)).serialize(TOPIC, alert);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(42);
    }

    @Test
    void useLatestVersionWritesWithTheLatestId() {
        serializer(Map.of()).serialize(TOPIC, alert);
        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, "true",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false")).serialize(TOPIC, alert);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(42);
    }

    @Test
    void wrongMagicByteIsATypedError() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, alert);
        bytes[0] = 7;
        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, bytes))
                .isInstanceOf(UnknownMagicByteException.class)
                .hasMessage("unknown magic byte 0x07, expected 0x00");
        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(UnknownMagicByteException.class)
                .hasMessage("expected at least 5 bytes (magic byte and schema id), got 3");
    }

    @Test
    void unknownSchemaIdIsATypedError() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, alert);
        bytes[4] = 99;
        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> assertThat(e.schemaId()).isEqualTo(99))
                .hasMessage("schema id 99 is not known to the schema registry");
    }

    @Test
    void undecodableBytesAreASerializationException() {
        byte[] good = serializer(Map.of()).serialize(TOPIC, alert);
        byte[] truncated = Arrays.copyOf(good, 20);
        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode record with schema id 42 from topic " + TOPIC);
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageEndingWith("bytes left after the Avro record");
    }

    @Test
    void nullStaysNull() {
        assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
        assertThat(deserializer(true).deserialize(TOPIC, null)).isNull();
    }

    @Test
    void badSettingsNameTheKey() {
        Map<String, Object> bad = new HashMap<>();
        bad.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes");
        assertThatThrownBy(() -> serializer(bad)).isInstanceOf(ConfigException.class)
                .hasMessage("auto.register.schemas: \"yes\" is not true or false");
        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "ByColour")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value.subject.name.strategy: \"ByColour\" is not a known strategy; allowed: "
                        + "TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
        assertThatThrownBy(() -> new AvroSerializer<TraffickingAlert>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("schema.registry.url: required, such as http://localhost:8081");
    }
}
