package org.corridor.registry.api;

import java.util.List;

import org.corridor.registry.RegistryProperties;
import org.corridor.support.http.BasicPartyProvider;
import org.corridor.support.http.CorridorHttpSecurity;
import org.corridor.support.http.HttpParty;
import org.corridor.support.http.HttpSecurityProperties;
import org.corridor.support.http.PasswordTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may do what on the registry, in Spring Security on the paths the dispatcher matches (so {@code ;x}, encoded
 * letters and trailing slashes are the same request, or 400 from the firewall): reads ({@code GET}), lookups
 * ({@code POST /subjects/{subject}}) and compatibility tests stay open, like a Confluent registry with read-only
 * anonymous access; every other request (register, delete, config, mode, and anything not listed) needs a writer's
 * HTTP basic credentials ({@code corridor.registry.writers}). With no writer configured the registry is open, as a
 * stand-alone development registry, and says so in the log. The actuator follows {@link CorridorHttpSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(HttpSecurityProperties.class)
class RegistrySecurity {

    private static final Logger log = LoggerFactory.getLogger(RegistrySecurity.class);

    @Bean
    AuthenticationManager registryAuthentication(RegistryProperties registry, HttpSecurityProperties http) {
        PasswordTable writers = PasswordTable.of(registry.writers(), "corridor.registry.writers");
        return new ProviderManager(List.of(
                new BasicPartyProvider(writers, user -> new HttpParty(HttpParty.Kind.WRITER, user)),
                new BasicPartyProvider(http.userTable(), HttpParty::ofUser)));
    }

    @Bean
    SecurityFilterChain registryChain(HttpSecurity http, AuthenticationManager registryAuthentication,
                                      RegistryProperties registry, HttpSecurityProperties settings) throws Exception {
        boolean open = registry.writers().isEmpty();
        if (open) {
            log.warn("No corridor.registry.writers configured: anyone may register, delete and change the config");
        }
        return CorridorHttpSecurity.build(http, registryAuthentication, unauthorized(), forbidden(), null,
                settings.maxBodySize().toBytes(), a -> {
                    if (open) {
                        a.requestMatchers("/**").permitAll();
                        return;
                    }
                    a.requestMatchers(HttpMethod.GET, "/**").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/compatibility/subjects/{subject}/versions",
                            "/compatibility/subjects/{subject}/versions/{version}", "/subjects/{subject}").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/subjects/{subject}/versions").hasRole(CorridorHttpSecurity.WRITER);
                    a.requestMatchers(HttpMethod.PUT, "/**").hasRole(CorridorHttpSecurity.WRITER);
                    a.requestMatchers(HttpMethod.DELETE, "/**").hasRole(CorridorHttpSecurity.WRITER);
                });
    }

    /** Confluent's error body, which registry clients parse. */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"corridor-schema-registry\"");
            response.setContentType(MediaTypes.V1);
            response.getWriter().write("{\"error_code\":40101,\"message\":\"Unauthorized: changing the registry needs the "
                    + "credentials of a writer (HTTP basic auth)\"}");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            response.setStatus(403);
            response.setContentType(MediaTypes.V1);
            response.getWriter().write("{\"error_code\":40301,\"message\":\"Forbidden: these credentials may not make "
                    + "this request\"}");
        };
    }
}
