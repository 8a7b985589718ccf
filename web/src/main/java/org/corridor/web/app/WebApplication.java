package org.corridor.web.app;

import java.util.Map;

import org.corridor.web.analyst.AnalystController;
import org.corridor.web.officer.OfficerController;
import org.corridor.web.operator.OperatorController;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.corridor.web.i18n.ValidatorMessages;
import org.corridor.web.i18n.TwoLanguagesConfiguration;

/**
 * The web app for people (port 8085). It holds no data of its own: each page is built from the exchange's HTTP APIs,
 * called with the credentials of the logged-in person's party.
 */
@SpringBootApplication(scanBasePackageClasses = {WebApplication.class, OfficerController.class, AnalystController.class,
        OperatorController.class})
@EnableConfigurationProperties(WebProperties.class)
@Import(TwoLanguagesConfiguration.class)
public class WebApplication {

    /** What the standalone service and the embedded platform start with. */
    public static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("server.port", "${PORT:8085}"),
            Map.entry("spring.application.name", "corridor-web"),
            // No actuator endpoints on the people's app (in the platform the actuator is on the shared class path).
            Map.entry("management.server.port", "-1"),
            Map.entry("server.servlet.session.cookie.name", "CORRIDOR_WEB"),
            Map.entry("server.servlet.session.cookie.same-site", "lax"),
            Map.entry("server.servlet.session.cookie.http-only", "true"),
            Map.entry("server.servlet.session.timeout", "${corridor.web.session-timeout:30m}"),
            // Its own folders, not Spring's defaults: in the embedded platform every service shares one class path,
            // and no other service may serve these pages or files (nor this app the monitor's dashboard).
            Map.entry("spring.messages.basename", "corridor-web/messages"),
            Map.entry("spring.thymeleaf.prefix", "classpath:/corridor-web/templates/"),
            Map.entry("spring.web.resources.static-locations", "classpath:/corridor-web/static/"),
            Map.entry("spring.messages.fallback-to-system-locale", "false"),
            Map.entry("spring.autoconfigure.exclude",
                    "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"));

    /** The validator's messages in Russian, read once for the officer's and the analyst's pages. */
    @Bean
    ValidatorMessages validatorMessages() {
        return ValidatorMessages.bundled();
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WebApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
