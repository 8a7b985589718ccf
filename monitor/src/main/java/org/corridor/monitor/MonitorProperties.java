package org.corridor.monitor;

import org.corridor.schemas.topics.Groups;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the monitor ({@code corridor.monitor.*}); Kafka client settings come from {@code spring.kafka.*}.
 *
 * @param sampleInterval    how often offsets are read
 * @param window            the evaluation window: STOP means no progress for longer than this
 * @param stallSamples      consecutive unchanged samples with lag that make a STALL
 * @param routerGroup       the router's consumer group; the health goes DOWN when it stalls or stops
 * @param schemaRegistryUrl the schema registry (to read delivery receipts)
 * @param scrapeUrls        the router's, subscribers' and agency service's {@code /actuator/prometheus} pages, for
 *                          end-to-end latency and the return channel's questions and feedback; {@code user:password@} in a URL is sent as HTTP basic (the {@code metrics} user)
 * @param adminTimeout      how long one Admin API call may take
 */
@Validated
@ConfigurationProperties("corridor.monitor")
public record MonitorProperties(
        @DefaultValue("5s") @NotNull Duration sampleInterval,
        @DefaultValue("60s") @NotNull Duration window,
        @DefaultValue("3") @Min(2) int stallSamples,
        @DefaultValue(Groups.ROUTER) @NotBlank String routerGroup,
        @DefaultValue("http://localhost:8081") @NotBlank String schemaRegistryUrl,
        @DefaultValue({"http://localhost:8082/actuator/prometheus", "http://localhost:8083/actuator/prometheus", "http://localhost:8080/actuator/prometheus"}) List<URI> scrapeUrls,
        @DefaultValue("10s") @NotNull Duration adminTimeout) {

    public MonitorProperties {
        if (window.compareTo(sampleInterval.multipliedBy(stallSamples)) < 0) {
            throw new IllegalArgumentException("corridor.monitor.window (" + window + ") must be at least "
                    + "corridor.monitor.sample-interval × corridor.monitor.stall-samples (" + sampleInterval.multipliedBy(stallSamples) + ")");
        }
    }
}
