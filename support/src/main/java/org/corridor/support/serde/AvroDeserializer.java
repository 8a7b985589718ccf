package org.corridor.support.serde;

import org.corridor.schemas.registry.SchemaRegistryUnavailableException;
import org.corridor.schemas.serde.UnknownSchemaIdException;
import org.corridor.schemas.serde.WrongSchemaTypeException;
import org.corridor.schemas.serde.UnknownMagicByteException;
import org.corridor.schemas.serde.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.registry.SchemaRegistryClientException;

/**
 * Reads Avro records in the Confluent wire format. The writer schema comes from the registry by the id in the bytes
 * (cached); the reader schema is the generated class's ({@code specific.avro.reader=true}), a reader schema given to
 * the constructor, or the writer's own ({@code GenericRecord}). Schema evolution works both ways through Avro's
 * schema resolution. Thread-safe.
 *
 * <p>Errors, all {@link SerializationException} but the first: {@link
 * org.corridor.schemas.registry.SchemaRegistryUnavailableException} (retriable); {@link UnknownMagicByteException};
 * {@link UnknownSchemaIdException}; {@link WrongSchemaTypeException} when an expected type was given and the schema id is
 * another type's; a plain {@link SerializationException} when the bytes do not decode, including a length prefix
 * beyond {@link AvroLimits} (refused before Avro allocates).
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    static {
        AvroLimits.apply();
    }

    private SchemaRegistryClient client;
    private final Schema readerSchema;
    private final Class<T> expectedType;
    private AvroSerdeConfig config;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's configuration by class name; {@link #configure} creates the registry client. */
    public AvroDeserializer() {
        this(null, null, null);
    }

    /** With a client shared between serdes; {@link #configure} is still required. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null, null);
    }

    /** Reads every record as {@code GenericRecord} resolved to this reader schema. */
    public AvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this(client, readerSchema, null);
    }

    /**
     * Reads only records written with a schema of this generated class's record type (any version, through schema
     * resolution); a record of another registered type is refused with {@link WrongSchemaTypeException}.
     */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> expectedType) {
        this(client, null, expectedType);
    }

    private AvroDeserializer(SchemaRegistryClient client, Schema readerSchema, Class<T> expectedType) {
        this.client = client;
        this.readerSchema = readerSchema;
        this.expectedType = expectedType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, client != null);
        if (client == null) {
            client = new CachingSchemaRegistryClient(config.client().orElseThrow());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = WireFormat.schemaId(data);
        DatumReader<Object> reader = readers.get(id);
        if (reader == null) {
            reader = readerFor(id);
            readers.putIfAbsent(id, reader);
        }
        String where = "record with schema id " + id + " from topic " + topic;
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("cannot decode " + where + ": bytes left after the Avro record");
            }
            return (T) value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("cannot decode " + where + ": " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer;
        try {
            writer = client.schemaById(id);
        } catch (SchemaRegistryClientException e) {
            if (e.errorCode() == SchemaRegistryClientException.SCHEMA_NOT_FOUND || e.status() == 404) {
                throw new UnknownSchemaIdException(id, e);
            }
            throw e;
        }
        if (readerSchema != null) {
            return new GenericDatumReader<>(writer, readerSchema, GenericData.get());
        }
        if (expectedType != null) {
            SpecificData model = SpecificData.getForClass(expectedType);
            Schema expected = model.getSchema(expectedType);
            if (!expected.getFullName().equals(writer.getFullName())) {
                throw new WrongSchemaTypeException(id, writer.getFullName(), expected.getFullName());
            }
            return new SpecificDatumReader<>(writer, expected, model);
        }
        if (config.specificReader()) {
            Class<?> type = SpecificData.get().getClass(writer);
            if (type == null) {
                throw new SerializationException("specific.avro.reader: no generated class for " + writer.getFullName()
                        + " (schema id " + id + ") on the classpath");
            }
            SpecificData model = SpecificData.getForClass(type);
            return new SpecificDatumReader<>(writer, model.getSchema(type), model);
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
}
