package org.corridor.consumer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The router never reaches into the producer, the registry or the subscribers; its decision logic (rules, release
 * policy, the decision itself) stays pure Java; its packages form no cycle.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.corridor.consumer");

    @Test
    void routerNeverImportsProducerRegistryOrSubscribers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.producer..", "org.corridor.registry..",
                "org.corridor.consumer.delivery..").check(classes);
    }

    @Test
    void decisionLogicIsFrameworkFree() {
        noClasses().that().resideInAnyPackage("org.corridor.consumer.routing..", "org.corridor.consumer.policy..",
                        "org.corridor.consumer.decision..", "org.corridor.consumer.isolation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.corridor.consumer.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.consumer");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }
}
