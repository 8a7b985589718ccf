package org.corridor.consumer.delivery;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the subscribers ({@code corridor.subscriber.*}).
 *
 * @param bodies            the bodies this process serves (default: all 13)
 * @param sink              {@code file} (JSON lines per body and day) or {@code log}
 * @param fileDir           where file sinks write, one folder per body
 * @param schemaRegistryUrl the schema registry
 */
@Validated
@ConfigurationProperties("corridor.subscriber")
public record SubscriberProperties(
        @DefaultValue({}) List<String> bodies,
        @DefaultValue("file") @Pattern(regexp = "file|log", message = "must be file or log") String sink,
        @DefaultValue("./data/feeds") @NotNull Path fileDir,
        @DefaultValue("http://localhost:8081") String schemaRegistryUrl) {
}
