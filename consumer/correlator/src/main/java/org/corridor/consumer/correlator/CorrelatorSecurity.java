package org.corridor.consumer.correlator;

import org.corridor.support.http.BasicPartyProvider;
import org.corridor.support.http.BearerAgencyFilter;
import org.corridor.support.http.CorridorHttpSecurity;
import org.corridor.support.http.HttpParty;
import org.corridor.support.http.HttpSecurityProperties;
import org.corridor.support.http.PasswordTable;
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
 * Who may call the correlator: an agency (bearer token) or a body (HTTP basic) may ask for an explanation; the
 * operator and the metrics scraper read the actuator as everywhere; everything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(HttpSecurityProperties.class)
class CorrelatorSecurity {

    @Bean
    AuthenticationManager correlatorAuthentication(HttpSecurityProperties http) {
        return new ProviderManager(new BasicPartyProvider(http.userTable(), HttpParty::ofUser));
    }

    @Bean
    SecurityFilterChain correlatorChain(HttpSecurity http, AuthenticationManager correlatorAuthentication,
                                        HttpSecurityProperties settings) throws Exception {
        PasswordTable agencies = settings.agencyTable();
        var unauthorized = Problems.unauthorized("Bearer", "an agency's bearer token or a body's HTTP basic credentials");
        return CorridorHttpSecurity.build(http, correlatorAuthentication, unauthorized, Problems.forbidden(),
                new BearerAgencyFilter<>(agencies::userOf, id -> id, (request, id) -> { }, unauthorized),
                settings.maxBodySize().toBytes(), a -> a.requestMatchers(HttpMethod.POST, "/api/v1/correlation/explain")
                        .hasAnyRole(CorridorHttpSecurity.AGENCY, CorridorHttpSecurity.BODY));
    }
}
