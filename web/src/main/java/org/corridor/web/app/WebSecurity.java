package org.corridor.web.app;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages' security. People log in through OpenID Connect; the ID token's party claim gives the role
 * ({@code OFFICER}, {@code ANALYST}, {@code OPERATOR}) and the party authority ({@code AGENCY_<id>}, {@code BODY_<id>})
 * that each handler checks again ({@code @PreAuthorize}). CSRF tokens on every form (Spring Security's default), a
 * Content-Security-Policy that allows no inline script or style and no other origin, no framing, sessions that
 * expire ({@code corridor.web.session-timeout}), and a logout that also ends the login at the provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class WebSecurity {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    /** The login provider, found when someone first logs in ({@link LoginProvider}). */
    @Bean
    ClientRegistrationRepository loginProvider(WebProperties settings) {
        return new LoginProvider(settings.login());
    }

    @Bean
    SecurityFilterChain webPages(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/officer/**").hasRole("OFFICER")
                        .requestMatchers("/analyst/**").hasRole("ANALYST")
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                // One provider: a page that needs a login goes straight to it.
                .oauth2Login(o -> o.loginPage("/oauth2/authorization/" + LoginProvider.ID)
                        .userInfoEndpoint(u -> u.userAuthoritiesMapper(partyAuthorities())))
                .logout(l -> l.logoutSuccessHandler(providerLogout))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Role and party authorities from the ID token's party claim; a login without a known party gets none. */
    static GrantedAuthoritiesMapper partyAuthorities() {
        return (Collection<? extends GrantedAuthority> given) -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority a : given) {
                if (a instanceof OidcUserAuthority oidc) {
                    mapped.add(a);
                    Person.of(new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(Set.of(), oidc.getIdToken()))
                            .ifPresent(p -> {
                                mapped.add(new SimpleGrantedAuthority("ROLE_" + p.kind()));
                                if (p.kind() == Person.Kind.OFFICER) {
                                    mapped.add(new SimpleGrantedAuthority("AGENCY_" + p.party()));
                                } else if (p.kind() == Person.Kind.ANALYST) {
                                    mapped.add(new SimpleGrantedAuthority("BODY_" + p.party()));
                                }
                            });
                }
            }
            return mapped;
        };
    }
}
