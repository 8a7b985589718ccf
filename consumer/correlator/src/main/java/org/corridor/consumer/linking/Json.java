package org.corridor.consumer.linking;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The serde of the topology's own values (its stores, changelogs and repartition topics), written and read only by
 * the correlator: JSON of its records.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static <T> Serde<T> serde(Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type));
    }
}
