package org.corridor.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Support is shared by the Spring services and the Spring-free publisher: it uses the contract, never a service. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.corridor.support");

    @Test
    void supportUsesOnlyTheContractAndNoFramework() {
        // org.corridor.support.http is the services' Spring Security setup, one copy for the five services; its
        // Spring dependencies are optional, so the Spring-free publisher library never sees them.
        noClasses().that().resideOutsideOfPackage("org.corridor.support.http..").should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.producer..", "org.corridor.consumer..", "org.corridor.broker..",
                        "org.corridor.registry..", "org.corridor.platform..", "org.corridor.monitor..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void onlyTheServicesUseTheHttpSecurity() {
        noClasses().that().resideOutsideOfPackage("org.corridor.support.http..").should().dependOnClassesThat()
                .resideInAPackage("org.corridor.support.http..").check(classes);
    }

    @Test
    void theAuditChainIsPlainJava() {
        // The router writes it and ./corridor audit verify walks it; both adapt Kafka records to it.
        noClasses().that().resideInAPackage("org.corridor.support.audit..").should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.corridor.support.audit..").check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.corridor.support.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.support");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }
}
