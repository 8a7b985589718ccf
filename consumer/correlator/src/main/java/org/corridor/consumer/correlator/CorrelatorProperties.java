package org.corridor.consumer.correlator;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The correlator's settings ({@code corridor.correlator.*}).
 *
 * @param windowDays        how many days apart two events may be and still be one (event matches)
 * @param quantityTolerance how far apart two amounts may be, relative to the larger
 * @param threshold         the event score a link needs
 * @param retention         how long a report stays filed under its keys
 * @param maxPerKey         how many reports may share a key before it is suppressed as too common
 * @param stateDir          where Kafka Streams keeps its RocksDB stores (rebuilt from their changelogs if lost)
 * @param threads           stream threads; more instances or threads share the partitions (3 threads: one per
 *                          partition of the default topics, for a host of its own; 1 leaves the CPU of a shared host
 *                          to the router)
 * @param shards            shards of the blocking keys, one partition of the by-shard stage each: the most tasks that
 *                          stage can spread over (changing it needs a reset of the correlator's state)
 * @param commitInterval    how often a transaction commits (and every store is flushed)
 * @param enabled           false: the service answers explain but links nothing (a baseline for benchmarks)
 */
@Validated
@ConfigurationProperties("corridor.correlator")
public record CorrelatorProperties(
        @DefaultValue("http://localhost:8081") @NotBlank String schemaRegistryUrl,
        @DefaultValue("7") @Min(0) @Max(366) int windowDays,
        @DefaultValue("0.15") @DecimalMin("0.0") @DecimalMax("1.0") double quantityTolerance,
        @DefaultValue("0.70") @DecimalMin("0.0") @DecimalMax("1.0") double threshold,
        @DefaultValue("90d") @NotNull Duration retention,
        @DefaultValue("50") @Min(2) int maxPerKey,
        Path stateDir,
        @DefaultValue("1") @Min(1) int threads,
        @DefaultValue("3") @Min(1) @Max(256) int shards,
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("1s") @NotNull Duration commitInterval,
        @DefaultValue("true") boolean enabled) {
}
