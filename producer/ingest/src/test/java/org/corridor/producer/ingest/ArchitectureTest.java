package org.corridor.producer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The producer never reaches into the consumer, and its publisher library stays free of Spring. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.producer");

    @Test
    void producerNeverImportsConsumer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.consumer..", "org.corridor.registry..")
                .check(classes);
    }

    @Test
    void publisherLibraryAndBulkImportAreFrameworkFree() {
        noClasses().that().resideInAnyPackage("org.corridor.producer.publish..", "org.corridor.producer.bulk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void publisherLibraryDoesNotDependOnTheRestLayer() {
        noClasses().that().resideInAPackage("org.corridor.producer.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("org.corridor.producer.rest..", "org.corridor.producer.bulk..")
                .check(classes);
    }
}
