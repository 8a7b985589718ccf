package org.corridor.consumer.correlator;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The correlator service on its own: {@code java -jar correlator-exec.jar}, port 8086. */
@SpringBootApplication(scanBasePackageClasses = CorrelatorConfiguration.class)
@Import(CorrelatorConfiguration.class)
public class CorrelatorApplication {

    public static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("server.port", "${PORT:8086}"),
            Map.entry("spring.application.name", "corridor-correlator"),
            Map.entry("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
            Map.entry("corridor.correlator.schema-registry-url", "${SCHEMA_REGISTRY_URL:http://localhost:8081}"),
            // Spring's own Kafka listeners are not used: the topology runs in the service's KafkaStreams.
            Map.entry("spring.kafka.listener.auto-startup", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"));

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CorrelatorApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
