package org.corridor.platform.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The {@code --set SERVICE:KEY=VALUE} options of {@code corridor up}. */
class ServiceOverridesTest {

    @Test
    void settingsAreGroupedByServiceAndALaterOptionWins() {
        Map<Service, Map<String, Object>> parsed = ServiceOverrides.parse(List.of(
                "router:spring.kafka.consumer.max-poll-records=1000",
                "Subscribers:corridor.subscriber.ack-deadlines.URGENT=20s",
                "router:spring.kafka.consumer.max-poll-records=2000",
                "router:spring.kafka.consumer.properties.fetch.min.bytes=a=b"));
        assertThat(parsed).containsOnlyKeys(Service.ROUTER, Service.SUBSCRIBERS);
        assertThat(parsed.get(Service.ROUTER)).containsExactly(
                Map.entry("spring.kafka.consumer.max-poll-records", "2000"),
                Map.entry("spring.kafka.consumer.properties.fetch.min.bytes", "a=b"));
        assertThat(parsed.get(Service.SUBSCRIBERS)).containsExactly(Map.entry("corridor.subscriber.ack-deadlines.URGENT", "20s"));
    }

    @Test
    void anOptionWithoutServiceOrValueIsRefusedWithTheExpectedForm() {
        for (String bad : List.of("spring.kafka.consumer.max-poll-records=1000", "router:max-poll-records", ":a=1", "router:=1")) {
            assertThatThrownBy(() -> ServiceOverrides.parse(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--set " + bad + ": ");
        }
    }

    @Test
    void anUnknownServiceIsRefusedNamingTheServices() {
        assertThatThrownBy(() -> ServiceOverrides.parse(List.of("routr:spring.kafka.consumer.max-poll-records=1")))
                .hasMessage("--set routr:spring.kafka.consumer.max-poll-records=1: unknown service 'routr'; one of registry, "
                        + "ingest, router, subscribers, monitor");
    }

    @Test
    void aKeyWithSpacesIsRefused() {
        assertThatThrownBy(() -> ServiceOverrides.parse(List.of("router:spring kafka=1")))
                .hasMessageContaining("without spaces");
    }
}
