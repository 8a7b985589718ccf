package org.corridor.producer.ingest;

import java.util.Map;

import org.corridor.producer.rest.IngestConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The agency-facing REST service as its own process: {@code java -jar ingest-*-exec.jar}. Listens on 8080; Kafka at
 * localhost:9092 and the schema registry at localhost:8081 unless told otherwise.
 */
@SpringBootApplication(scanBasePackageClasses = IngestConfiguration.class)
@Import(IngestConfiguration.class)
public class IngestApplication {

    /**
     * Defaults of the standalone service; a host process embedding it sets its own. Spring Security's observations
     * (an observation and its meters around each of the chain's filters on every request) are off: they were a fifth
     * of the request threads' CPU in a profile of {@code bench load --mode rest}, and nothing reads them;
     * {@code http.server.requests} stays.
     */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "server.port", "${PORT:8080}",
            "spring.application.name", "corridor-ingest",
            "spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}",
            "corridor.ingest.schema-registry-url", "${SCHEMA_REGISTRY_URL:http://localhost:8081}",
            "management.endpoints.web.exposure.include", "health,info,prometheus,metrics",
            "management.observations.enable.spring.security", "false");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(IngestApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
