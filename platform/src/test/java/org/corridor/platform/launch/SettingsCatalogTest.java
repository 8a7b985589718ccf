package org.corridor.platform.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SettingsCatalogTest {

    private final SettingsCatalog catalog = SettingsCatalog.of(List.of(
            new Setting("corridor.router.retry-backoff", "java.time.Duration", false, null),
            new Setting("corridor.subscriber.ack-deadlines", "java.util.Map<org.corridor.schemas.avro.Priority,java.time.Duration>", false, null),
            new Setting("corridor.ingest.agencies", "java.util.List<org.corridor.producer.rest.AgencyAccount>", false, null)));

    @Test
    void aKeyIsFoundInAnyRelaxedForm() {
        for (String key : List.of("corridor.router.retry-backoff", "corridor.router.retryBackoff", "corridor.router.retry_backoff")) {
            assertThat(catalog.find(key)).as(key).map(Setting::name).contains("corridor.router.retry-backoff");
        }
    }

    @Test
    void aKeyBelowAContainerIsOneOfItsEntriesAndBelowAScalarIsUnknown() {
        assertThat(catalog.find("corridor.subscriber.ack-deadlines.URGENT")).map(Setting::name).contains("corridor.subscriber.ack-deadlines");
        assertThat(catalog.find("corridor.ingest.agencies[0].token-sha256")).map(Setting::name).contains("corridor.ingest.agencies");
        assertThat(catalog.find("corridor.router.retry-backoff.extra")).isEmpty();
        assertThat(catalog.find("corridor.router")).isEmpty();
    }

    @Test
    void environmentVariablesMatchWithoutSeparators() {
        assertThat(catalog.knowsEnvironmentVariable("CORRIDOR_ROUTER_RETRYBACKOFF")).isTrue();
        assertThat(catalog.knowsEnvironmentVariable("CORRIDOR_SUBSCRIBER_ACKDEADLINES_URGENT")).isTrue();
        assertThat(catalog.knowsEnvironmentVariable("CORRIDOR_INGEST_AGENCIES_0_ID")).isTrue();
        assertThat(catalog.knowsEnvironmentVariable("CORRIDOR_ROUTER_RETRYBACKOF")).isFalse();
        assertThat(catalog.knowsEnvironmentVariable("CORRIDOR_SUBSCRIBER_ACKDEADLINES")).isTrue();
    }

    @Test
    void theClassPathHoldsCorridorsAndSpringBootsSettings() {
        SettingsCatalog real = SettingsCatalog.read(getClass().getClassLoader());
        for (Service s : Service.values()) {
            assertThat(real.namesUnder(s.prefix())).as(s.label()).isNotEmpty().allMatch(s::owns);
        }
        assertThat(real.find("spring.kafka.consumer.group-id")).isPresent();
        assertThat(real.find("server.port")).isPresent();
        // What the platform sets for every service binds by name too.
        assertThat(ServiceLaunch.EMBEDDED.keySet()).allMatch(k -> real.find(k).isPresent());
        assertThat(real.find("springdoc.api-docs.enabled")).isPresent();
    }
}
