package org.corridor.consumer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The consumer never reaches into the producer; routing rules and the release policy stay pure Java. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.consumer");

    @Test
    void consumerNeverImportsProducer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.producer..", "org.corridor.registry..")
                .check(classes);
    }

    @Test
    void decisionLogicIsFrameworkFree() {
        noClasses().that().resideInAnyPackage("org.corridor.consumer.routing..", "org.corridor.consumer.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }
}
