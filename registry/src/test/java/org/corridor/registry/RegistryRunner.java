package org.corridor.registry;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and stops whole registry processes (as the standalone main does) inside a test. */
public final class RegistryRunner {

    private RegistryRunner() {
    }

    /** A registry on a free port storing in the given topic of the given broker. */
    public static ConfigurableApplicationContext start(String bootstrapServers, String topic, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(RegistryApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("corridor.registry.topic", topic);
        props.put("corridor.registry.writer-id", "writer-" + topic);
        props.putAll(extra);
        return new SpringApplicationBuilder(RegistryApplication.class).properties(props).run();
    }

    public static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
