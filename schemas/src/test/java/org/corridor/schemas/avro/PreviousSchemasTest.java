package org.corridor.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The schemas as registered before issue 19 (handling.relaxes, RoutingDecision's effectiveMarkings and relaxation,
 * DeliveryReceipt's originAgency), the decision before its hash chain (previousDecisionSha256), and today's read each
 * other's data, as the registry's compatibility check requires.
 */
class PreviousSchemasTest {

    private static Schema previous(String name) throws IOException {
        try (InputStream in = PreviousSchemasTest.class.getResourceAsStream("previous/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static void bothWays(Schema now, Schema before) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, before).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, now).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theAlertWithRelaxesAndThePreviousAlertReadEachOther() throws IOException {
        bothWays(TraffickingAlert.getClassSchema(), previous("TraffickingAlert-1.avsc"));
    }

    @Test
    void theAlertWithIdentifiersAndTheAlertBeforeThemReadEachOther() throws IOException {
        bothWays(TraffickingAlert.getClassSchema(), previous("TraffickingAlert-2.avsc"));
    }

    @Test
    void theDecisionWithMarkingsAndThePreviousDecisionReadEachOther() throws IOException {
        bothWays(RoutingDecision.getClassSchema(), previous("RoutingDecision-1.avsc"));
    }

    @Test
    void theReceiptWithItsAgencyAndThePreviousReceiptReadEachOther() throws IOException {
        bothWays(DeliveryReceipt.getClassSchema(), previous("DeliveryReceipt-1.avsc"));
    }

    @Test
    void aReceiptWrittenBeforeTheAgencyWasAddedReadsWithoutOne() throws IOException {
        Schema before = previous("DeliveryReceipt-1.avsc");
        GenericRecord old = new GenericData.Record(before);
        old.put("body", "UNODC");
        old.put("alertId", "0b5e4d8a-3c1f-4d2e-9a7b-6c5d4e3f2a1b");
        old.put("alertVersion", 2);
        old.put("status", new GenericData.EnumSymbol(before.getField("status").schema(), "DELIVERED"));
        old.put("at", 1_790_000_000_000L);
        old.put("attempt", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(before).write(old, encoder);
        encoder.flush();

        DeliveryReceipt read = new SpecificDatumReader<DeliveryReceipt>(before, DeliveryReceipt.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertThat(read.getAlertVersion()).isEqualTo(2);
        assertThat(read.getOriginAgency()).as("unknown in an old receipt").isNull();
    }

    @Test
    void theDecisionWithItsChainHashAndTheDecisionBeforeItReadEachOther() throws IOException {
        bothWays(RoutingDecision.getClassSchema(), previous("RoutingDecision-2.avsc"));
    }

    @Test
    void aDecisionWrittenBeforeTheChainDecodesWithNoPreviousHash() throws IOException {
        RoutingDecision decision = new RoutingDecision(java.util.UUID.randomUUID(), 1, "kz-customs",
                new java.util.ArrayList<>(List.of("UNODC")), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                java.time.Instant.parse("2026-11-01T00:00:00Z"), "router-1", null, null, "ignored by the old writer", null);
        Schema before = previous("RoutingDecision-2.avsc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        // The old schema's ten fields are the first ten of today's: the old writer never sees the eleventh.
        new SpecificDatumWriter<RoutingDecision>(before).write(decision, encoder);
        encoder.flush();

        RoutingDecision read = new SpecificDatumReader<RoutingDecision>(before, RoutingDecision.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.getPreviousDecisionSha256()).isNull();
        assertThat(read.getRecipients()).containsExactly("UNODC");
    }

    @Test
    void theDecisionThatCanNameAResponseAndTheDecisionBeforeItReadEachOther() throws IOException {
        bothWays(RoutingDecision.getClassSchema(), previous("RoutingDecision-3.avsc"));
    }

    @Test
    void aDecisionWrittenBeforeResponsesDecodesAsAnAlertVersionsDecision() throws IOException {
        RoutingDecision decision = new RoutingDecision(java.util.UUID.randomUUID(), 2, "kz-customs",
                new java.util.ArrayList<>(List.of("INCB")), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                java.time.Instant.parse("2026-11-01T00:00:00Z"), "router-1", null, null, "a".repeat(64), null);
        Schema before = previous("RoutingDecision-3.avsc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<RoutingDecision>(before).write(decision, encoder);
        encoder.flush();

        RoutingDecision read = new SpecificDatumReader<RoutingDecision>(before, RoutingDecision.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.getResponse()).as("no response in an old decision").isNull();
        assertThat(read.getPreviousDecisionSha256()).isEqualTo("a".repeat(64));
    }
}
