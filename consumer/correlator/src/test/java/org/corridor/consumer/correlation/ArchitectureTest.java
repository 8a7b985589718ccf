package org.corridor.consumer.correlation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The correlation decisions are plain Java: no Kafka client, no Spring, nothing of the producer side. */
class ArchitectureTest {

    @Test
    void theDecisionsNeedNoFramework() {
        noClasses().that().resideInAPackage("org.corridor.consumer.correlation").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework..", "org.corridor.producer..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.corridor.consumer.correlation"));
    }
}
