package org.corridor.producer.ingest;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The ingest module (the REST service, alert status, its metrics and the agency command line) never reaches into the
 * consumer or the registry, and writes alerts only through the publisher library.
 */
class ArchitectureTest {

    /** This module's own packages; the publisher library and bulk import have their own ArchitectureTest. */
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor.producer.ingest", "org.corridor.producer.rest", "org.corridor.producer.status",
                    "org.corridor.producer.metrics", "org.corridor.producer.cli");

    @Test
    void producerNeverImportsConsumer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.corridor.consumer..", "org.corridor.registry..")
                .check(classes);
    }

    @Test
    void theServiceBuildsNoProducerOfItsOwn() {
        // Every write goes through AlertPublisher or ResponsePublisher (idempotent, acks=all, validated) or, for inbox
        // receipts, InboxReceipts (idempotent, acks=all); a KafkaProducer built here would be none of these.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
                .check(classes);
    }

    @Test
    void speaksOneJacksonLine() {
        // Jackson 3 (tools.jackson), the line Spring Boot 4 serialises with; Jackson 2 is Avro's and Kafka's own
        // dependency. The annotations (com.fasterxml.jackson.annotation) belong to both lines.
        JavaClasses withTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.corridor.producer.ingest", "org.corridor.producer.rest", "org.corridor.producer.status",
                    "org.corridor.producer.metrics", "org.corridor.producer.cli");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(withTests);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.corridor.producer.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.corridor.producer.ingest", "org.corridor.producer.rest", "org.corridor.producer.status", "org.corridor.producer.metrics", "org.corridor.producer.cli"));
    }
}
