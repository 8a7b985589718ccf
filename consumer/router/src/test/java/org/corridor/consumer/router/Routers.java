package org.corridor.consumer.router;

import java.util.HashMap;
import java.util.Map;

import org.corridor.consumer.ExchangeFixture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts router instances on a test exchange, with the settings the standalone router uses. */
public final class Routers {

    private Routers() {
    }

    /** Properties of a router instance on this fixture's broker and registry. */
    public static Map<String, Object> properties(ExchangeFixture fixture, String instanceId) {
        Map<String, Object> props = new HashMap<>(RouterApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", fixture.kafka.bootstrapServers());
        props.put("corridor.router.schema-registry-url", fixture.registryUrl);
        props.put("corridor.router.instance-id", instanceId);
        // One group per test: static members left by earlier tests in this JVM would hold up every rebalance.
        props.put("spring.kafka.consumer.group-id", "corridor-router-" + instanceId);
        props.put("corridor.router.retry-backoff", "100ms");
        props.put("corridor.router.max-retry-backoff", "500ms");
        return props;
    }

    public static ConfigurableApplicationContext start(ExchangeFixture fixture, String instanceId, Map<String, Object> extra) {
        Map<String, Object> props = properties(fixture, instanceId);
        props.putAll(extra);
        return new SpringApplicationBuilder(RouterApplication.class).properties(props).run();
    }
}
