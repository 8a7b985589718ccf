package org.corridor.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract depends on nothing of ours and on no framework, and it runs nothing: no thread, no socket, no Kafka
 * client (those live in the support module).
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.corridor.schemas");

    @Test
    void schemasDependOnNoOtherCorridorModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.producer..", "org.corridor.consumer..", "org.corridor.broker..",
                        "org.corridor.testsupport..", "org.corridor.registry..", "org.corridor.platform..",
                        "org.corridor.monitor..", "org.corridor.support..")
                .check(classes);
    }

    @Test
    void validationAndReferenceDataAreFrameworkFree() {
        noClasses().that().resideInAnyPackage("org.corridor.schemas.validation..", "org.corridor.schemas.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }

    @Test
    void theContractStartsNoThreadAndOpensNoSocket() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                        "java.util.concurrent..", "org.apache.kafka.clients..", "org.springframework..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.corridor.schemas.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.schemas");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }
}
