package org.corridor.support.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.corridor.schemas.registry.SchemaRegistryClient;

/**
 * The one way Corridor's services build serdes for a topic's values: a deserializer that gives the generated class
 * (Avro's specific reader) and refuses records of any other registered type, and a serializer, sharing the caller's
 * registry client. Thread-safe results.
 */
public final class Serdes {

    private Serdes() {
    }

    /** Values of the topic as their generated class, such as {@code DeliveryReceipt}. */
    public static <V extends SpecificRecord> AvroDeserializer<V> reader(SchemaRegistryClient registry, Class<V> valueType) {
        return reader(registry, valueType, Map.of());
    }

    /** As {@link #reader(SchemaRegistryClient, Class)}, with further serde settings (such as the registry's). */
    public static <V extends SpecificRecord> AvroDeserializer<V> reader(SchemaRegistryClient registry, Class<V> valueType,
                                                                        Map<String, ?> settings) {
        AvroDeserializer<V> d = new AvroDeserializer<>(registry, valueType);
        Map<String, Object> all = new HashMap<>(settings);
        all.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        d.configure(all, false);
        return d;
    }

    /**
     * A serializer of the topic's values with the default settings (schemas registered on first use).
     *
     * @param valueType the record type, which types the result; the serializer writes the schema of what it is given
     */
    public static <V extends SpecificRecord> AvroSerializer<V> writer(SchemaRegistryClient registry, Class<V> valueType) {
        return new AvroSerializer<>(registry, Map.of(), false);
    }
}
