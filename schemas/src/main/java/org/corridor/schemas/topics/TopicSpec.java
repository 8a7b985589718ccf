package org.corridor.schemas.topics;

import java.util.List;
import java.util.Map;

/**
 * One Corridor topic as data: its name, the type of its values, the configs it is created with (beyond partitions and
 * replication) and the consumer groups that read it. Keys are always the alert id as a string. Obtain one from
 * {@link Topics#spec(String)}.
 *
 * @param valueType the Avro class of its values in the Confluent wire format, or null when values are not Avro
 *                  (dead letters keep whatever bytes were sent; recipients are text)
 * @param readers   the consumer groups that read it; views that follow a topic without a group are not listed
 */
public record TopicSpec(String name, Class<?> valueType, Map<String, String> configs, List<String> readers) {

    public TopicSpec {
        configs = Map.copyOf(configs);
        readers = List.copyOf(readers);
    }
}
