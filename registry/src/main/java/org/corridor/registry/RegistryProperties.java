package org.corridor.registry;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the registry ({@code corridor.registry.*}); Kafka client settings come from {@code spring.kafka.*}.
 *
 * @param topic             the compacted single-partition topic holding every schema, config and mode
 * @param replicationFactor replication factor used when the registry creates the topic
 * @param writerId          transactional id of the writer; instances sharing it fence each other, so only the
 *                          latest started instance writes
 * @param initTimeout       how long startup may take to create the topic and read it to the end
 * @param writeTimeout      how long a write may take to be committed and read back
 * @param writers           user name to the SHA-256 (hex) of the password of each client allowed to change the
 *                          registry (register, delete, set config or mode) with HTTP basic auth; empty: anyone may
 */
@Validated
@ConfigurationProperties("corridor.registry")
public record RegistryProperties(
        @DefaultValue("_schemas") @NotBlank String topic,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("corridor-schema-registry") @NotBlank String writerId,
        @DefaultValue("60s") @NotNull Duration initTimeout,
        @DefaultValue("30s") @NotNull Duration writeTimeout,
        java.util.Map<String, @jakarta.validation.constraints.Pattern(regexp = "[0-9a-f]{64}",
                message = "must be the SHA-256 of the password, 64 lower-case hex digits") String> writers) {

    public RegistryProperties {
        writers = writers == null ? java.util.Map.of() : java.util.Map.copyOf(writers);
    }
}
