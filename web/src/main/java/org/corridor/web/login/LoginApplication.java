package org.corridor.web.login;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The login service (port 9000): an OpenID Connect provider with one client, the web app, and the people of
 * {@code corridor.login.people}. Its ID tokens carry {@value PartyClaim#NAME}, the party a person acts for.
 */
@SpringBootApplication(scanBasePackageClasses = LoginApplication.class)
@EnableConfigurationProperties(LoginProperties.class)
public class LoginApplication {

    /** What the standalone service and the embedded platform start with. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "server.port", "${PORT:9000}",
            "spring.application.name", "corridor-login",
            "management.server.port", "-1",
            // Cookies are not kept apart by port: without its own name, the login's session would replace the app's.
            "server.servlet.session.cookie.name", "CORRIDOR_LOGIN",
            "server.servlet.session.timeout", "30m",
            "spring.autoconfigure.exclude", "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
            "spring.thymeleaf.enabled", "false");

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(LoginApplication.class);
        app.setDefaultProperties(DEFAULTS);
        app.run(args);
    }
}
