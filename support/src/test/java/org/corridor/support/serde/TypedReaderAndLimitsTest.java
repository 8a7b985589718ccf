package org.corridor.support.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.schemas.serde.WrongSchemaTypeException;
import org.junit.jupiter.api.Test;

/**
 * A reader built by {@link Serdes#reader} takes only its own record type, and no reader allocates for a length prefix
 * beyond what a Corridor record can hold: the two hostile records that once stopped the router.
 */
class TypedReaderAndLimitsTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(7);
    private final AvroDeserializer<TraffickingAlert> alerts = Serdes.reader(registry, TraffickingAlert.class);

    private byte[] alert() {
        return Serdes.writer(registry, TraffickingAlert.class).serialize("alerts.in.me-police", SampleAlerts.random(1));
    }

    @Test
    void aRecordOfAnotherRegisteredTypeIsRefusedByName() {
        RoutingDecision decision = new RoutingDecision(UUID.randomUUID(), 1, "me-police", new ArrayList<>(List.of("UNODC")),
                new ArrayList<>(), new ArrayList<>(), Instant.parse("2026-11-01T00:00:00Z"), "router-1", null, null, null, null);
        byte[] bytes = Serdes.writer(registry, RoutingDecision.class).serialize("alerts.audit", decision);
        assertThatThrownBy(() -> alerts.deserialize("alerts.in.me-police", bytes))
                .isInstanceOf(WrongSchemaTypeException.class)
                .hasMessageContaining("org.corridor.schemas.avro.RoutingDecision")
                .hasMessageContaining("carries only org.corridor.schemas.avro.TraffickingAlert");
    }

    @Test
    void itsOwnTypeStillReads() {
        TraffickingAlert a = SampleAlerts.random(3);
        byte[] bytes = Serdes.writer(registry, TraffickingAlert.class).serialize("alerts.in.me-police", a);
        assertThat(alerts.deserialize("alerts.in.me-police", bytes)).isEqualTo(a);
    }

    @Test
    void avrosLengthLimitsAreInForceOnceADeserializerExists() {
        assertThat(AvroLimits.enforced()).as("Avro refuses a string longer than %d bytes", AvroLimits.MAX_LENGTH).isTrue();
    }

    @Test
    void aLyingLengthPrefixIsASerializationExceptionNotAnAllocation() throws IOException {
        for (int claimed : new int[] {Integer.MAX_VALUE - 8, 1 << 30, AvroLimits.MAX_LENGTH + (1 << 20)}) {
            byte[] lying = lyingAlert(claimed);
            assertThatThrownBy(() -> alerts.deserialize("alerts.in.me-police", lying)).as("claimed length %d", claimed)
                    .isInstanceOf(SerializationException.class)
                    .hasRootCauseInstanceOf(SystemLimitException.class);
        }
    }

    /** The header of a real alert, then its first field (alertId, a string) with a length prefix far over the bytes. */
    private byte[] lyingAlert(int claimedLength) throws IOException {
        byte[] header = ByteBuffer.wrap(alert(), 0, 5).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header, 0, 5);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeInt(claimedLength);
        encoder.writeFixed(new byte[] {'a', 'b', 'c'});
        encoder.flush();
        return out.toByteArray();
    }
}
