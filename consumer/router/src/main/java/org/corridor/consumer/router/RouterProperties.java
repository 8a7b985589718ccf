package org.corridor.consumer.router;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the router ({@code corridor.router.*}); Kafka client settings come from {@code spring.kafka.*}.
 *
 * @param instanceId        unique per running instance; part of the transactional ids, so a restarted instance
 *                          with the same id fences its crashed predecessor at once
 * @param rulesFile         a routing-rules YAML file to use instead of the bundled defaults
 * @param schemaRegistryUrl the schema registry
 * @param partitions        partitions of the topics the router creates (feeds, audit, dead letters)
 * @param replicationFactor replication factor of those topics
 * @param maxRetries        attempts after the first: of a schema lookup, before the record is dead-lettered
 *                          (RETRIES_EXHAUSTED); of a routing transaction Kafka refuses, before the batch is halved
 *                          or, when the cluster itself fails, given back to the container for a later redelivery
 * @param retryBackoff      first wait between attempts, doubled each time
 * @param maxRetryBackoff   longest wait between attempts
 * @param stateDir          where the router keeps what it knows of each alert id (RocksDB, rebuilt from
 *                          {@code alerts.recipients} when missing or stale); unset: a temporary directory, so each start
 *                          reads the whole topic again. One directory per instance.
 */
@Validated
@ConfigurationProperties("corridor.router")
public record RouterProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, dot, underscore and hyphen only") String instanceId,
        Path rulesFile,
        @DefaultValue("http://localhost:8081") @NotBlank String schemaRegistryUrl,
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("5") @Min(0) int maxRetries,
        @DefaultValue("500ms") @NotNull Duration retryBackoff,
        @DefaultValue("10s") @NotNull Duration maxRetryBackoff,
        Path stateDir) {
}
