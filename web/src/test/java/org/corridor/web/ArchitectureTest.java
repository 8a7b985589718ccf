package org.corridor.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web app is a client of the exchange: it reaches data only through the services' HTTP APIs with the person's
 * party's credentials, never Kafka or another module's internals; the login service knows nothing of the app.
 */
class ArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.corridor.web");

    @Test
    void theWebAppReadsTheExchangeOnlyOverHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.corridor.producer..",
                "org.corridor.consumer..", "org.corridor.support..", "org.corridor.monitor..").check(WEB);
    }

    @Test
    void theLoginServiceAndTheAppAreApart() {
        noClasses().that().resideInAPackage("org.corridor.web.login..").should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.web.app..", "org.corridor.web.officer..", "org.corridor.web.analyst..",
                        "org.corridor.web.operator..").check(WEB);
        noClasses().that().resideInAPackage("org.corridor.web.app..").should().dependOnClassesThat()
                .resideInAPackage("org.corridor.web.login..").check(WEB);
    }
}
