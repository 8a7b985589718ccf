package org.corridor.producer.publish;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.registry.RegistryApplication;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerdeConfig;
import org.corridor.testsupport.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real schema registry server ({@link RegistryApplication}, as deployed) on the test broker and a free local port,
 * so that integration tests run the library as an agency would: a registry URL, over HTTP. Spring stays on the test
 * classpath only (the enforcer rule bans it from compile and runtime scope). Bulk import's tests use it through the
 * publisher's test-jar. Not thread-safe to start; close it when done.
 */
public final class RegistryServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String url;

    private RegistryServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Starts the registry and returns once it serves requests.
     *
     * @param topic the registry's own topic, one per test class, which also names its writer
     */
    public static RegistryServer start(TestKafka kafka, String topic) {
        Map<String, Object> props = new HashMap<>(RegistryApplication.DEFAULTS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("corridor.registry.topic", topic);
        props.put("corridor.registry.writer-id", "writer-" + topic);
        return new RegistryServer(new SpringApplicationBuilder(RegistryApplication.class).properties(props).run());
    }

    /** The registry URL, as {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    /** Decodes a record of an inbound topic with the schema this registry holds for its id. */
    public TraffickingAlert decodeAlert(ConsumerRecord<String, byte[]> record) {
        AvroDeserializer<TraffickingAlert> reader = new AvroDeserializer<>(
                new CachingSchemaRegistryClient(RegistryClientConfig.of(url)));
        reader.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return reader.deserialize(record.topic(), record.value());
    }

    @Override
    public void close() {
        context.close();
    }
}
