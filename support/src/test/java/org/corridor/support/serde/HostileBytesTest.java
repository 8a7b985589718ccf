package org.corridor.support.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.errors.SerializationException;
import org.corridor.schemas.HostileBytes;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bytes for the deserializer, generated from fixed seeds: random bytes, valid records with bytes flipped,
 * cut short or extended, and the header alone. Whatever it gets, it returns an alert or throws a
 * {@link SerializationException} (its documented ones are subclasses), never anything else, and never runs out of
 * memory on a length prefix that lies.
 */
class HostileBytesTest {

    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient(1);
    private static final AvroSerializer<TraffickingAlert> WRITER = new AvroSerializer<>(REGISTRY, Map.of(), false);
    private static final AvroDeserializer<TraffickingAlert> READER = new AvroDeserializer<>(REGISTRY);

    static {
        READER.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    }

    static Stream<byte[]> hostile() {
        return HostileBytes.generate(20261127, 3_000, a -> WRITER.serialize("t", a)).stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void returnsAnAlertOrThrowsASerializationException(byte[] bytes) {
        try {
            TraffickingAlert alert = READER.deserialize("alerts.in.x", bytes);
            assertThat(alert).isNotNull();
        } catch (SerializationException documented) {
            assertThat(documented.getMessage()).isNotBlank();
        }
    }
}
