package org.corridor.consumer.router;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.corridor.consumer.ExchangeFixture;
import org.corridor.testsupport.TestHttpUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts router instances on a test exchange, with the settings the standalone router uses. */
public final class Routers {

    /** Bodies that get HTTP credentials ({@link TestHttpUsers}). */
    public static final String[] BODIES = {"SELEC", "UNODC", "EUROPOL"};

    private Routers() {
    }

    /** Properties of a router instance on this fixture's broker and registry. */
    public static Map<String, Object> properties(ExchangeFixture fixture, String instanceId) {
        Map<String, Object> props = new HashMap<>(RouterApplication.DEFAULTS);
        props.put("server.port", "0");
        // Known HTTP users, so tests call explain and the actuator as a party would.
        props.putAll(TestHttpUsers.properties(BODIES));
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

    /** The router's {@code /actuator/prometheus}, read as the metrics user. */
    public static String prometheus(ConfigurableApplicationContext router) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + router.getEnvironment().getProperty("local.server.port") + "/actuator/prometheus"))
                .header("Authorization", TestHttpUsers.metrics()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
