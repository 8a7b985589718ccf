package org.corridor.producer.rest;

import org.corridor.producer.metrics.IngestMetrics;
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
 * The agency REST service's rules: the alerts API and the status of an alert need an agency (bearer token); which
 * alert an agency may correct or read is then the handlers' business (the originator's own). An agency's TAXII API
 * root ({@code /taxii2/<agency>/}) is that agency's alone (the principal is the {@code {agency}} of the matched path,
 * checked again on the handler). The OpenAPI document is open: it is the public contract. The actuator follows
 * {@link CorridorHttpSecurity}; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(HttpSecurityProperties.class)
class IngestSecurity {

    @Bean
    AuthenticationManager ingestAuthentication(HttpSecurityProperties http) {
        return new ProviderManager(new BasicPartyProvider(http.userTable(), HttpParty::ofUser));
    }

    @Bean
    SecurityFilterChain ingestChain(HttpSecurity http, AuthenticationManager ingestAuthentication, AgencyTokens tokens,
                                    IngestMetrics metrics) throws Exception {
        var unauthorized = AgencyAuthFilter.unauthorized(metrics);
        // The ingest's own BodyLimitFilter (corridor.ingest.max-body-size) limits bodies, with its own metric.
        return CorridorHttpSecurity.build(http, ingestAuthentication, unauthorized, Problems.forbidden(),
                AgencyAuthFilter.create(tokens, unauthorized), 0, a -> {
                    a.requestMatchers(HttpMethod.POST, "/api/v1/alerts").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/alerts").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.POST, IngestConfiguration.BATCH_PATH).hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/alerts/{alertId}").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.PUT, "/api/v1/alerts/{alertId}").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.DELETE, "/api/v1/alerts/{alertId}").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/alerts/{alertId}/status").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/alerts/{alertId}/responses").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/alerts/{alertId}/responses").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/correlation-notices").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers(HttpMethod.GET, "/taxii2/").hasRole(CorridorHttpSecurity.AGENCY);
                    a.requestMatchers("/taxii2/{agency}/**")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.AGENCY, "agency"));
                    a.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll();
                });
    }
}
