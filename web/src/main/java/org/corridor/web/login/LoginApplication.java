package org.corridor.web.login;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.corridor.web.i18n.TwoLanguagesConfiguration;

/**
 * The login service (port 9000): an OpenID Connect provider with one client, the web app, and the people of
 * {@code corridor.login.people}. Its ID tokens carry {@value PartyClaim#NAME}, the party a person acts for.
 */
@SpringBootApplication(scanBasePackageClasses = LoginApplication.class)
@EnableConfigurationProperties(LoginProperties.class)
@Import(TwoLanguagesConfiguration.class)
public class LoginApplication {

    /** What the standalone service and the embedded platform start with. */
    public static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("server.port", "${PORT:9000}"),
            Map.entry("spring.application.name", "corridor-login"),
            Map.entry("management.server.port", "-1"),
            // Cookies are not kept apart by port: without its own name, the login's session would replace the app's.
            Map.entry("server.servlet.session.cookie.name", "CORRIDOR_LOGIN"),
            Map.entry("server.servlet.session.cookie.same-site", "lax"),
            Map.entry("server.servlet.session.timeout", "30m"),
            Map.entry("spring.autoconfigure.exclude", "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"),
            // Its own folders (one class path holds the web app's too in the embedded platform).
            Map.entry("spring.thymeleaf.prefix", "classpath:/corridor-login/templates/"),
            Map.entry("spring.messages.basename", "corridor-login/messages"),
            Map.entry("spring.messages.fallback-to-system-locale", "false"),
            Map.entry("spring.web.resources.static-locations", "classpath:/corridor-login/static/"));

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(LoginApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
