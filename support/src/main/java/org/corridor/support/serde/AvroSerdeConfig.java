package org.corridor.support.serde;

import org.corridor.schemas.serde.SubjectNameStrategy;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;
import org.corridor.support.registry.RegistryClientConfig;

/**
 * Settings of {@link AvroSerializer} and {@link AvroDeserializer}, with Confluent's key names where the meaning is the
 * same. A bad value fails with a {@link ConfigException} that names the key and what is allowed.
 *
 * @param client           registry client settings; empty when a client instance was given to the serde
 * @param autoRegister     {@code auto.register.schemas} (default true): register the record's schema when writing
 * @param useLatestVersion {@code use.latest.version} (default false): write with the subject's latest version, which
 *                         must equal the record's schema
 * @param keyStrategy      {@code key.subject.name.strategy} (default TopicNameStrategy)
 * @param valueStrategy    {@code value.subject.name.strategy} (default TopicNameStrategy)
 * @param specificReader   {@code specific.avro.reader} (default false): read into generated classes instead of
 *                         {@code GenericRecord}
 */
public record AvroSerdeConfig(Optional<RegistryClientConfig> client, boolean autoRegister, boolean useLatestVersion,
                              SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy,
                              boolean specificReader) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    /**
     * @param clientGiven whether the serde already has a client, so {@code schema.registry.url} is optional
     */
    public static AvroSerdeConfig from(Map<String, ?> configs, boolean clientGiven) {
        Optional<RegistryClientConfig> client = clientGiven && configs.get(RegistryClientConfig.URL) == null
                ? Optional.empty() : Optional.of(RegistryClientConfig.from(configs));
        return new AvroSerdeConfig(client,
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                SubjectNameStrategy.parse(KEY_SUBJECT_NAME_STRATEGY, configs.get(KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategy.parse(VALUE_SUBJECT_NAME_STRATEGY, configs.get(VALUE_SUBJECT_NAME_STRATEGY)),
                flag(configs, SPECIFIC_AVRO_READER, false));
    }

    public SubjectNameStrategy strategy(boolean isKey) {
        return isKey ? keyStrategy : valueStrategy;
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key + ": \"" + value + "\" is not true or false");
    }
}
