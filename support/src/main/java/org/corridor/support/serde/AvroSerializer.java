package org.corridor.support.serde;

import org.corridor.schemas.registry.SchemaRegistryUnavailableException;
import org.corridor.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.schemas.registry.RegisteredSchema;
import org.corridor.schemas.registry.SchemaRegistryClient;

/**
 * Writes Avro records (generated classes or {@code GenericRecord}) in the Confluent wire format. The schema id for a
 * topic and schema is resolved once (registered, looked up, or the subject's latest) and cached, so a warm serializer
 * makes no HTTP call. Thread-safe, as Kafka producers require.
 *
 * <p>Errors: {@link org.corridor.schemas.registry.SchemaRegistryUnavailableException} (retriable) when the registry
 * cannot be reached; {@link SerializationException} (fatal) when the registry refuses the schema or the record cannot
 * be encoded.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private record TopicSchema(String topic, Schema schema) {
    }

    private record Resolved(int id, DatumWriter<Object> writer) {
    }

    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<TopicSchema, Resolved> resolved = new ConcurrentHashMap<>();

    /** For Kafka's configuration by class name; {@link #configure} creates the registry client. */
    public AvroSerializer() {
    }

    /** With a client shared between serdes; {@link #configure} is still required. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** With a client shared between serdes, configured at once. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, client != null);
        this.isKey = isKey;
        if (client == null) {
            client = new CachingSchemaRegistryClient(config.client().orElseThrow());
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema schema = record.getSchema();
        Resolved r = resolved.get(new TopicSchema(topic, schema));
        if (r == null) {
            r = resolve(topic, record, schema);
            resolved.putIfAbsent(new TopicSchema(topic, schema), r);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(new byte[] {(byte) (r.id() >>> 24), (byte) (r.id() >>> 16), (byte) (r.id() >>> 8), (byte) r.id()});
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            r.writer().write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e, e);
        }
    }

    private Resolved resolve(String topic, T record, Schema schema) {
        String subject = config.strategy(isKey).subject(topic, isKey, schema);
        int id;
        if (config.useLatestVersion()) {
            RegisteredSchema latest = client.latest(subject);
            if (!latest.schema().equals(schema)) {
                throw new SerializationException("use.latest.version: the latest schema of subject " + subject
                        + " (version " + latest.version() + ", id " + latest.id() + ") differs from the record's schema "
                        + schema.getFullName());
            }
            id = latest.id();
        } else if (config.autoRegister()) {
            id = client.register(subject, schema);
        } else {
            id = client.lookupId(subject, schema);
        }
        @SuppressWarnings("unchecked")
        DatumWriter<Object> writer = record instanceof SpecificRecord
                ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema)
                : new GenericDatumWriter<>(schema, GenericData.get());
        return new Resolved(id, writer);
    }
}
