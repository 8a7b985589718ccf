package org.corridor.producer.publish;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The publisher library agencies embed: it never reaches into the consumer, the registry or the rest of the producer,
 * stays free of Spring, and uses nothing beyond the contract, kafka-clients, Avro and Caffeine.
 */
class ArchitectureTest {

    private final JavaClasses library = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.producer.publish");

    @Test
    void producerNeverImportsConsumer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.consumer..", "org.corridor.registry..")
                .check(library);
    }

    @Test
    void publisherLibraryIsFrameworkFree() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(library);
    }

    @Test
    void publisherLibraryDoesNotDependOnTheRestLayer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.producer.rest..",
                        "org.corridor.producer.bulk..", "org.corridor.producer.status..", "org.corridor.producer.metrics..",
                        "org.corridor.producer.cli..", "org.corridor.producer.ingest..")
                .check(library);
    }

    @Test
    void publisherLibraryUsesOnlyTheContractKafkaAvroAndCaffeine() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.corridor.producer.publish..",
                        "org.corridor.schemas..", "org.corridor.support..", "org.apache.kafka.clients..", "org.apache.kafka.common..",
                        "org.apache.avro..", "com.github.benmanes.caffeine..")
                .check(library);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.producer.publish");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }
}
