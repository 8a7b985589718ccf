package org.corridor.platform.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.corridor.consumer.router.RouterApplication;
import org.junit.jupiter.api.Test;

class ServiceLaunchTest {

    @Test
    void overridesWinOverCorridorsSettingsWhichWinOverTheDefaults() {
        ServiceLaunch launch = new ServiceLaunch(Service.ROUTER, 8082, "localhost:9092",
                Map.of("corridor.router.instance-id", "platform", "corridor.router.schema-registry-url", "http://localhost:8081"),
                Map.of("corridor.router.instance-id", "override"));

        Map<String, Object> p = launch.properties();

        assertThat(p).containsEntry("server.port", "8082").containsEntry("spring.kafka.bootstrap-servers", "localhost:9092")
                .containsEntry("corridor.router.instance-id", "override")
                .containsEntry("corridor.router.schema-registry-url", "http://localhost:8081")
                .containsEntry("spring.kafka.consumer.group-id", RouterApplication.DEFAULTS.get("spring.kafka.consumer.group-id"))
                .containsEntry("spring.main.register-shutdown-hook", "false")
                .containsEntry("springdoc.api-docs.enabled", "false");
        assertThat(launch.service().application()).isEqualTo(RouterApplication.class);
    }

    @Test
    void onlyTheAgencyRestServicePublishesAnOpenApiDocument() {
        for (Service s : Service.values()) {
            assertThat(new ServiceLaunch(s, 0, "k:9092", Map.of(), Map.of()).properties())
                    .as(s.label()).containsEntry("springdoc.api-docs.enabled", Boolean.toString(s == Service.INGEST));
        }
    }
}
