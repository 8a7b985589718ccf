package org.corridor.monitor.web;

import org.corridor.support.http.BasicPartyProvider;
import org.corridor.support.http.CorridorHttpSecurity;
import org.corridor.support.http.HttpParty;
import org.corridor.support.http.HttpSecurityProperties;
import org.corridor.support.http.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The monitor's HTTP rules: the dashboard and its JSON API need the operator (HTTP basic, which a browser asks for);
 * {@code /actuator/health} stays open as the liveness probe; the rest of the actuator follows
 * {@link CorridorHttpSecurity}; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(HttpSecurityProperties.class)
class MonitorSecurity {

    @Bean
    AuthenticationManager monitorAuthentication(HttpSecurityProperties http) {
        return new ProviderManager(new BasicPartyProvider(http.userTable(), HttpParty::ofUser));
    }

    @Bean
    SecurityFilterChain monitorChain(HttpSecurity http, AuthenticationManager monitorAuthentication,
                                     HttpSecurityProperties settings) throws Exception {
        return CorridorHttpSecurity.build(http, monitorAuthentication,
                Problems.unauthorized("Basic", "HTTP basic credentials of the operator"), Problems.forbidden(), null,
                settings.maxBodySize().toBytes(), a -> a.requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard.js",
                        "/dashboard.css", "/api/v1/health", "/api/v1/health/**").hasRole(CorridorHttpSecurity.OPERATOR));
    }
}
