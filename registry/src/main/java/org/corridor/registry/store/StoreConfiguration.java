package org.corridor.registry.store;

import org.corridor.registry.RegistryProperties;
import org.corridor.registry.core.RegistryState;
import org.corridor.registry.core.SchemaRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Kafka log, the state and the registry operations; the log is read to its end before the API serves. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    RegistryState registryState() {
        return new RegistryState();
    }

    @Bean(destroyMethod = "close")
    KafkaSchemaLog kafkaSchemaLog(RegistryProperties properties, RegistryState state, KafkaProperties kafka) {
        KafkaSchemaLog log = new KafkaSchemaLog(properties, state, kafka.buildProducerProperties(),
                kafka.buildConsumerProperties(), kafka.buildAdminProperties());
        log.start();
        return log;
    }

    @Bean("schemaLog")
    SchemaLogHealth schemaLogHealth(KafkaSchemaLog log) {
        return new SchemaLogHealth(log);
    }

    @Bean
    SchemaRegistry schemaRegistry(RegistryState state, KafkaSchemaLog log) {
        return new SchemaRegistry(state, log);
    }
}
