package org.corridor.consumer.router;

import org.corridor.schemas.topics.Groups;
import java.util.Map;

import org.corridor.schemas.topics.Topics;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The routing service as its own process: {@code java -jar consumer-*-exec.jar}. HTTP (explain, actuator) on 8082;
 * Kafka at localhost:9092 and the schema registry at localhost:8081 unless told otherwise. Run several with distinct
 * {@code corridor.router.instance-id}s to share the work.
 */
@SpringBootApplication(scanBasePackageClasses = RouterConfiguration.class)
@Import(RouterConfiguration.class)
public class RouterApplication {

    /** Defaults of the standalone router; the Kafka settings are what exactly-once routing needs. */
    public static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("server.port", "${PORT:8082}"),
            Map.entry("spring.application.name", "corridor-router"),
            Map.entry("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
            Map.entry("corridor.router.schema-registry-url", "${SCHEMA_REGISTRY_URL:http://localhost:8081}"),
            Map.entry("corridor.router.instance-id", "${ROUTER_INSTANCE_ID:router-1}"),
            Map.entry("spring.kafka.consumer.group-id", Groups.ROUTER),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.isolation-level", "read_committed"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.kafka.consumer.properties.metadata.max.age.ms", "5000"),
            // Static membership: a restarted instance takes its partitions back at once instead of after a session timeout.
            Map.entry("spring.kafka.consumer.properties.group.instance.id", "${corridor.router.instance-id}"),
            // One writer per audit partition (AuditWriters): partition p of every inbound topic goes to one instance.
            // The classic protocol, whose assignment the client chooses; the range assignor lays out each topic alike.
            Map.entry("spring.kafka.consumer.properties.group.protocol", "classic"),
            Map.entry("spring.kafka.consumer.properties.partition.assignment.strategy",
                    "org.apache.kafka.clients.consumer.RangeAssignor"),
            // A feed or dead-letter record is an inbound record plus headers: it must fit where the inbound one did.
            Map.entry("spring.kafka.producer.properties.max.request.size", Integer.toString(Topics.DOWNSTREAM_MAX_BYTES)),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.transaction-id-prefix", Groups.ROUTER + "-${corridor.router.instance-id}-"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.transaction.timeout.ms", "30000"),
            // An authorization error (ACLs not there yet, a rotated password) is retried instead of stopping routing.
            Map.entry("spring.kafka.listener.auth-exception-retry-interval", "10s"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"));

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RouterApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
