package org.corridor.producer.bulk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Bulk import publishes through the publisher library alone: no consumer, no registry, no Spring, no REST layer. */
class ArchitectureTest {

    private final JavaClasses bulk = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.producer.bulk");

    @Test
    void producerNeverImportsConsumer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.consumer..", "org.corridor.registry..")
                .check(bulk);
    }

    @Test
    void bulkImportIsFrameworkFree() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(bulk);
    }

    @Test
    void bulkImportDoesNotDependOnTheRestService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.producer.rest..",
                        "org.corridor.producer.status..", "org.corridor.producer.metrics..", "org.corridor.producer.cli..",
                        "org.corridor.producer.ingest..")
                .check(bulk);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.producer.bulk");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }
}
