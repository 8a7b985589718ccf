package org.corridor.schemas.serde;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** How a record's subject is named, with the meaning of Confluent's strategies of the same names. */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
    TOPIC_NAME("TopicNameStrategy"),
    /** The record's full name, such as {@code org.corridor.schemas.avro.TraffickingAlert}, whatever the topic. */
    RECORD_NAME("RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: several record types in one topic, each with its own lineage. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy");

    private final String confluentName;

    SubjectNameStrategy(String confluentName) {
        this.confluentName = confluentName;
    }

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    /**
     * Accepts Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), their
     * simple names, or this enum's names.
     */
    public static SubjectNameStrategy parse(String key, Object value) {
        if (value == null) {
            return TOPIC_NAME;
        }
        String text = value instanceof Class<?> c ? c.getName() : value.toString().trim();
        String simple = text.substring(text.lastIndexOf('.') + 1);
        for (SubjectNameStrategy s : values()) {
            if (s.confluentName.equals(simple) || s.name().equals(text)) {
                return s;
            }
        }
        throw new ConfigException(key + ": \"" + text + "\" is not a known strategy; allowed: "
                + Arrays.stream(values()).map(s -> s.confluentName).collect(Collectors.joining(", ")));
    }
}
