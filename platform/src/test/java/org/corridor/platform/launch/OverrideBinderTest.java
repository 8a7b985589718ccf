package org.corridor.platform.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Settings given to a service from outside, against the real configuration metadata of the platform's class path. */
class OverrideBinderTest {

    private static final OverrideBinder BINDER = OverrideBinder.fromClassPath();

    @Test
    void aKeyNoServiceKnowsIsRefusedWithItsName() {
        assertThatThrownBy(() -> BINDER.bind(Service.ROUTER, Map.of("corridor.routr.retry-backoff", "1s")))
                .isInstanceOfSatisfying(LaunchSettingException.class, e -> {
                    assertThat(e.key()).isEqualTo("corridor.routr.retry-backoff");
                    assertThat(e.service()).isEqualTo(Service.ROUTER);
                })
                .hasMessage("router: corridor.routr.retry-backoff is not a setting of any Corridor service or of Spring Boot");
    }

    @Test
    void aMisspeltKeyOfTheServiceIsRefusedWithTheServicesSettings() {
        assertThatThrownBy(() -> BINDER.bind(Service.ROUTER, Map.of("corridor.router.retry-backof", "1s")))
                .isInstanceOf(LaunchSettingException.class)
                .hasMessageStartingWith("router: corridor.router.retry-backof is not a setting of any Corridor service or "
                        + "of Spring Boot; the router's settings are ")
                .hasMessageContaining("corridor.router.retry-backoff, ");
    }

    @Test
    void aMisspeltSpringBootKeyIsRefused() {
        assertThatThrownBy(() -> BINDER.bind(Service.MONITOR, Map.of("spring.kafka.consumer.group-idd", "x")))
                .isInstanceOf(LaunchSettingException.class)
                .hasMessage("monitor: spring.kafka.consumer.group-idd is not a setting of any Corridor service or of Spring Boot");
    }

    @Test
    void aKeyOfAnotherServiceIsRefusedNamingBoth() {
        assertThatThrownBy(() -> BINDER.bind(Service.ROUTER, Map.of("corridor.subscriber.ack-deadlines.URGENT", "20s")))
                .isInstanceOf(LaunchSettingException.class)
                .hasMessage("router: corridor.subscriber.ack-deadlines.URGENT is a setting of the subscribers, not of the router");
    }

    @Test
    void aKnownKeyWithABadValueIsRefusedWithKeyAndValue() {
        assertThatThrownBy(() -> BINDER.bind(Service.MONITOR, Map.of("corridor.monitor.window", "soon")))
                .isInstanceOfSatisfying(LaunchSettingException.class, e -> assertThat(e.key()).isEqualTo("corridor.monitor.window"))
                .hasMessageStartingWith("monitor: corridor.monitor.window = \"soon\" does not bind to java.time.Duration: ")
                .hasMessageContaining("soon");
    }

    @Test
    void aBadEntryOfAMapSettingIsRefusedWithItsKeyAsGiven() {
        assertThatThrownBy(() -> BINDER.bind(Service.SUBSCRIBERS, Map.of(
                "corridor.subscriber.ack-deadlines.URGENT", "20s", "corridor.subscriber.ack-deadlines.ROUTINE", "tomorrow")))
                .isInstanceOfSatisfying(LaunchSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("corridor.subscriber.ack-deadlines.ROUTINE"))
                .hasMessageStartingWith("subscribers: corridor.subscriber.ack-deadlines.ROUTINE = \"tomorrow\" does not bind to "
                        + "java.util.Map<org.corridor.schemas.avro.Priority,java.time.Duration>: ");
    }

    @Test
    void aMapKeyThatIsNotAllowedIsRefusedWithItsKeyAsGiven() {
        assertThatThrownBy(() -> BINDER.bind(Service.SUBSCRIBERS, Map.of("corridor.subscriber.ack-deadlines.SOMEDAY", "20s")))
                .isInstanceOfSatisfying(LaunchSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("corridor.subscriber.ack-deadlines.SOMEDAY"))
                .hasMessageStartingWith("subscribers: corridor.subscriber.ack-deadlines.SOMEDAY = \"20s\" does not bind to "
                        + "java.util.Map<org.corridor.schemas.avro.Priority,java.time.Duration>: ")
                .hasMessageEndingWith("SOMEDAY; allowed: ROUTINE, PRIORITY, URGENT");
    }

    @Test
    void aBadValueOfASpringBootKeyIsRefused() {
        assertThatThrownBy(() -> BINDER.bind(Service.INGEST, Map.of("server.port", "eighty")))
                .isInstanceOf(LaunchSettingException.class)
                .hasMessageStartingWith("agency REST service: server.port = \"eighty\" does not bind to java.lang.Integer: ");
    }

    @Test
    void knownKeysPassThroughUnchanged() {
        Object sampleInterval = java.time.Duration.ofSeconds(1);
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("corridor.monitor.sample-interval", sampleInterval);
        given.put("corridor.monitor.window", "10s");
        given.put("corridor.monitor.stallSamples", 4);
        given.put("logging.level.org.corridor", "debug");
        given.put("spring.kafka.properties.metadata.max.age.ms", "5000");
        given.put("management.endpoints.web.exposure.include", "health,prometheus");
        given.put("corridor.monitor.scrape-urls[0]", "http://localhost:8082/actuator/prometheus");

        Map<String, Object> bound = BINDER.bind(Service.MONITOR, given);

        assertThat(bound).containsExactlyEntriesOf(given);
        assertThat(bound.get("corridor.monitor.sample-interval")).isSameAs(sampleInterval);
    }

    @Test
    void entriesOfAListOfRecordsAreKnown() {
        Map<String, Object> agency = Map.of("corridor.ingest.agencies[0].id", "tj-drug-control",
                "corridor.ingest.agencies[0].country", "TJ", "corridor.ingest.rate-limit", "0");
        assertThat(BINDER.bind(Service.INGEST, agency)).isEqualTo(agency);
    }

    @Test
    void aPlaceholderIsLeftToTheServiceToResolve() {
        Map<String, Object> given = Map.of("corridor.router.retry-backoff", "${ROUTER_BACKOFF:1s}");
        assertThat(BINDER.bind(Service.ROUTER, given)).isEqualTo(given);
        Map<String, Object> entries = Map.of("corridor.subscriber.ack-deadlines.PRIORITY", "${PRIORITY_DEADLINE:1h}",
                "corridor.subscriber.ack-deadlines.URGENT", "20s");
        assertThat(BINDER.bind(Service.SUBSCRIBERS, entries)).isEqualTo(entries);
    }

    @Test
    void aRemovedSettingIsRefusedWithItsReplacement() {
        OverrideBinder binder = new OverrideBinder(SettingsCatalog.of(java.util.List.of(
                new Setting("corridor.router.old-backoff", "java.time.Duration", true, "corridor.router.retry-backoff"))),
                getClass().getClassLoader());
        assertThatThrownBy(() -> binder.bind(Service.ROUTER, Map.of("corridor.router.old-backoff", "1s")))
                .isInstanceOf(LaunchSettingException.class)
                .hasMessage("router: corridor.router.old-backoff is no longer supported; use corridor.router.retry-backoff");
    }
}
