package org.corridor.producer.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.corridor.producer.rest.AgencyTokens;
import org.corridor.registry.RegistryApplication;
import org.corridor.testsupport.TestHttpUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts real registry and ingest services for the producer's integration tests. */
public final class TestServices {

    /** A test agency with its plain token (the service only gets the hash). */
    public record TestAgency(String id, String country, String name, String token) {
        public static TestAgency create(String id, String country) {
            return new TestAgency(id, country, "Test agency " + id, AgencyTokens.newToken());
        }
    }

    private TestServices() {
    }

    public static ConfigurableApplicationContext registry(String bootstrapServers, String topic) {
        Map<String, Object> props = new HashMap<>(RegistryApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("corridor.registry.topic", topic);
        props.put("corridor.registry.writer-id", "writer-" + topic);
        return new SpringApplicationBuilder(RegistryApplication.class).properties(props).run();
    }

    public static ConfigurableApplicationContext ingest(String bootstrapServers, String registryUrl,
                                                        List<TestAgency> agencies, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(IngestApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("corridor.ingest.schema-registry-url", registryUrl);
        // The operator and the metrics user, for the actuator.
        props.putAll(TestHttpUsers.properties());
        for (int i = 0; i < agencies.size(); i++) {
            TestAgency a = agencies.get(i);
            props.put("corridor.ingest.agencies[" + i + "].id", a.id());
            props.put("corridor.ingest.agencies[" + i + "].country", a.country());
            props.put("corridor.ingest.agencies[" + i + "].name", a.name());
            props.put("corridor.ingest.agencies[" + i + "].token-sha256", AgencyTokens.hash(a.token()));
        }
        props.putAll(extra);
        return new SpringApplicationBuilder(IngestApplication.class).properties(props).run();
    }

    public static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
