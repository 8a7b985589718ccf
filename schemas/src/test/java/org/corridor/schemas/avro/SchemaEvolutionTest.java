package org.corridor.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.corridor.schemas.SampleAlerts;
import org.junit.jupiter.api.Test;

/**
 * The contract can grow: a v2 of the alert with an added optional field reads v1 data, and v1 (the generated
 * classes) reads v2 data. Checked with Avro's own SchemaCompatibility and by decoding real bytes both ways.
 */
class SchemaEvolutionTest {

    private static final Schema V1 = TraffickingAlert.getClassSchema();
    private static final Schema V2 = SampleAlerts.alertSchemaV2();

    @Test
    void v2ReaderCanReadV1DataAndV1ReaderCanReadV2Data() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V2, V1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, V2).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void requiredFieldWithoutDefaultIsNotBackwardCompatible() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : V1.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field("seizingUnit", Schema.create(Schema.Type.STRING), "required", (Object) null));
        Schema broken = Schema.createRecord(V1.getName(), null, V1.getNamespace(), false, fields);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(broken, V1).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void v1BytesDecodeWithV2ReaderWithTheNewFieldNull() throws IOException {
        TraffickingAlert alert = SampleAlerts.heroinSeizure().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(TraffickingAlert.class).write(alert, encoder);
        encoder.flush();

        GenericRecord read = new GenericDatumReader<GenericRecord>(V1, V2)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(read.get("seizingUnit")).isNull();
        assertThat(read.get("summary").toString()).isEqualTo(alert.getSummary());
    }

    @Test
    void v2BytesDecodeWithTheGeneratedV1Class() throws IOException {
        TraffickingAlert alert = SampleAlerts.heroinSeizure().build();
        GenericData generic = new GenericData();
        TraffickingAlert.getClassSchema(); // ensure conversions are registered on the specific model
        // Re-encode the v1 alert as a v2 generic record carrying the new field.
        ByteArrayOutputStream v1Bytes = new ByteArrayOutputStream();
        BinaryEncoder e1 = EncoderFactory.get().binaryEncoder(v1Bytes, null);
        new SpecificDatumWriter<>(TraffickingAlert.class).write(alert, e1);
        e1.flush();
        GenericRecord asV2 = new GenericDatumReader<GenericRecord>(V1, V2)
                .read(null, DecoderFactory.get().binaryDecoder(v1Bytes.toByteArray(), null));
        asV2.put("seizingUnit", "Mobile group 4");
        ByteArrayOutputStream v2Bytes = new ByteArrayOutputStream();
        BinaryEncoder e2 = EncoderFactory.get().binaryEncoder(v2Bytes, null);
        new GenericDatumWriter<GenericRecord>(V2, generic).write(asV2, e2);
        e2.flush();

        TraffickingAlert read = new SpecificDatumReader<TraffickingAlert>(V2, V1)
                .read(null, DecoderFactory.get().binaryDecoder(v2Bytes.toByteArray(), null));
        assertThat(read).isEqualTo(alert);
    }
}
