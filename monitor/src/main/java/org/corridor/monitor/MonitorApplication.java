package org.corridor.monitor;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The monitor as its own process: {@code java -jar monitor-*-exec.jar}. Dashboard, JSON API and actuator on 8084.
 * Needs describe rights on the cluster, and read rights only on the dead-letter (headers) and receipts topics.
 */
@SpringBootApplication
public class MonitorApplication {

    public static final Map<String, Object> DEFAULTS = Map.of(
            "server.port", "${PORT:8084}",
            "spring.application.name", "corridor-monitor",
            "spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}",
            "corridor.monitor.schema-registry-url", "${SCHEMA_REGISTRY_URL:http://localhost:8081}",
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "management.endpoint.health.show-details", "always");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MonitorApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
