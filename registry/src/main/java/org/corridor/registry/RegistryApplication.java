package org.corridor.registry;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The registry as its own process: {@code java -jar registry-*-exec.jar}. Listens on 8081 and reads Kafka at
 * localhost:9092 unless told otherwise ({@code --server.port}, {@code --spring.kafka.bootstrap-servers}, or the
 * environment variables {@code PORT} and {@code KAFKA_BOOTSTRAP_SERVERS}). Defaults are set here rather than in an
 * application.yml so that a host process embedding the registry keeps its own configuration.
 */
@SpringBootApplication
@Import(RegistryConfiguration.class)
public class RegistryApplication {

    /** Defaults of the standalone registry; a host process embedding it sets its own. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "server.port", "${PORT:8081}",
            "spring.application.name", "corridor-registry",
            "spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}",
            "management.endpoints.web.exposure.include", "health,info,prometheus");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RegistryApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
