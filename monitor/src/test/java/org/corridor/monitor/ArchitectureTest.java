package org.corridor.monitor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The monitor, tests included, speak one Jackson line. */
class ArchitectureTest {

    private final JavaClasses withTests = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.corridor.monitor");

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.corridor.monitor.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.corridor.monitor"));
    }
}
