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
}
