package org.corridor.bench.serde;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.support.serde.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One typical alert (the heroin seizure of the samples: three substances' worth of fields, route, handling) written
 * and read in Corridor's two encodings: Avro in the Confluent wire format (schema id cached after the first call, as
 * in production) and the JSON of the REST API with Jackson (tree model, mapped to the same generated class). Both
 * decoders produce a {@link TraffickingAlert}, so the comparison is like for like.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerdeBenchmark {

    private static final String TOPIC = "alerts.in.tj-drug-control";

    private TraffickingAlert alert;
    private AvroSerializer<TraffickingAlert> avroWriter;
    private AvroDeserializer<TraffickingAlert> avroReader;
    private byte[] avroBytes;
    private byte[] jsonBytes;

    @Setup
    public void setUp() {
        alert = typicalAlert();
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
        avroWriter = new AvroSerializer<>(registry, Map.of(), false);
        avroReader = new AvroDeserializer<>(registry);
        avroReader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        avroBytes = avroWriter.serialize(TOPIC, alert);
        jsonBytes = AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8);
    }

    /** The alert every serde benchmark uses. */
    public static TraffickingAlert typicalAlert() {
        return SampleAlerts.heroinSeizure().build();
    }

    @Benchmark
    public byte[] avroSerialize() {
        return avroWriter.serialize(TOPIC, alert);
    }

    @Benchmark
    public TraffickingAlert avroDeserialize() {
        return avroReader.deserialize(TOPIC, avroBytes);
    }

    @Benchmark
    public byte[] jsonSerialize() {
        return AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public TraffickingAlert jsonDeserialize() {
        return AlertJson.read(new String(jsonBytes, StandardCharsets.UTF_8)).alert();
    }
}
