package org.corridor.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

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
import org.junit.jupiter.api.Test;

/**
 * The schemas as registered before issue 19 (handling.relaxes, RoutingDecision's effectiveMarkings and relaxation,
 * DeliveryReceipt's originAgency) and today's read each other's data, as the registry's compatibility check requires.
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
}
