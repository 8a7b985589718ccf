package org.corridor.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract depends on nothing of ours, and on no framework. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.schemas");

    @Test
    void schemasDependOnNoOtherCorridorModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.producer..", "org.corridor.consumer..", "org.corridor.broker..",
                        "org.corridor.testsupport..", "org.corridor.registry..", "org.corridor.platform..",
                        "org.corridor.monitor..")
                .check(classes);
    }

    @Test
    void validationAndReferenceDataAreFrameworkFree() {
        noClasses().that().resideInAnyPackage("org.corridor.schemas.validation..", "org.corridor.schemas.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }
}
