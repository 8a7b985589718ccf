package org.corridor.consumer.delivery;

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
 * The subscribers' HTTP rules (HTTP basic, {@code corridor.http.users}): a body acknowledges, responds and reads
 * responses and correlation hits only in its own feed, and reads only its own TAXII API root ({@code /taxii2/<body>/}) and
 * MISP feed ({@code /misp/<body>/})
 * (the principal is the {@code {body}} of the matched path, checked again on the handler); redrive and replay need the
 * operator; the actuator follows {@link CorridorHttpSecurity}; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(HttpSecurityProperties.class)
class FeedsSecurity {

    @Bean
    AuthenticationManager subscriberAuthentication(HttpSecurityProperties http) {
        return new ProviderManager(new BasicPartyProvider(http.userTable(), HttpParty::ofUser));
    }

    @Bean
    SecurityFilterChain subscriberChain(HttpSecurity http, AuthenticationManager subscriberAuthentication,
                                        HttpSecurityProperties settings) throws Exception {
        return CorridorHttpSecurity.build(http, subscriberAuthentication,
                Problems.unauthorized("Basic", "HTTP basic credentials of the body (or of the operator)"), Problems.forbidden(),
                null, settings.maxBodySize().toBytes(), a -> {
                    a.requestMatchers(HttpMethod.POST, "/api/v1/feeds/{body}/alerts/{alertId}/ack")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers("/api/v1/feeds/{body}/alerts/{alertId}/responses")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers(HttpMethod.GET, "/api/v1/feeds/{body}/alerts")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers(HttpMethod.GET, "/api/v1/feeds/{body}/correlations")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers(HttpMethod.GET, "/taxii2/").hasRole(CorridorHttpSecurity.BODY);
                    a.requestMatchers("/taxii2/{body}/**")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers(HttpMethod.GET, "/misp/{body}/**")
                            .access(CorridorHttpSecurity.partyNamedBy(HttpParty.Kind.BODY, "body"));
                    a.requestMatchers(HttpMethod.POST, "/api/v1/feeds/{body}/redrive", "/api/v1/feeds/{body}/replay")
                            .hasRole(CorridorHttpSecurity.OPERATOR);
                });
    }
}
