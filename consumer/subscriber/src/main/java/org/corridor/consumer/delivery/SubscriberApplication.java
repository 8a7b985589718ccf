package org.corridor.consumer.delivery;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The subscribers as their own process (actuator on 8083); one process can serve several bodies. */
@SpringBootApplication(scanBasePackages = {"org.corridor.consumer.delivery", "org.corridor.consumer.taxii",
        "org.corridor.consumer.misp", "org.corridor.consumer.feedview"})
@Import(SubscriberConfiguration.class)
public class SubscriberApplication {

    /** Defaults of the standalone subscribers. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "server.port", "${PORT:8083}",
            "spring.application.name", "corridor-subscriber",
            "spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}",
            "corridor.subscriber.schema-registry-url", "${SCHEMA_REGISTRY_URL:http://localhost:8081}",
            "corridor.subscriber.instance-id", "${SUBSCRIBER_INSTANCE_ID:subscriber-1}",
            "management.endpoints.web.exposure.include", "health,info,prometheus");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SubscriberApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
