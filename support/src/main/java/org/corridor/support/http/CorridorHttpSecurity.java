package org.corridor.support.http;

import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The Spring Security chain every Corridor service builds: stateless, HTTP basic for bodies, the operator, the
 * metrics scraper and writers, an optional bearer step for agencies, Spring Security's StrictHttpFirewall in front
 * (400 for {@code ;}, encoded slashes, {@code //}), and request rules that match like the dispatcher
 * (PathPatternRequestMatcher, on decoded path segments without {@code ;} parameters). Rule order:
 * <ol>
 * <li>error dispatches of an already authorised request keep their status;</li>
 * <li>{@code GET /actuator/health} and its groups are open (probes);</li>
 * <li>{@code /actuator/prometheus} needs the operator or the metrics scraper, every other actuator path the operator;</li>
 * <li>the service's own rules;</li>
 * <li>anything else is denied: 401 when anonymous, 403 otherwise, so an unmapped variant never reaches a handler.</li>
 * </ol>
 */
public final class CorridorHttpSecurity {

    public static final String OPERATOR = HttpParty.Kind.OPERATOR.name();
    public static final String METRICS = HttpParty.Kind.METRICS.name();
    public static final String AGENCY = HttpParty.Kind.AGENCY.name();
    public static final String BODY = HttpParty.Kind.BODY.name();
    public static final String WRITER = HttpParty.Kind.WRITER.name();

    private CorridorHttpSecurity() {
    }

    /** The rules a service adds between the actuator's and deny-by-default. */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    /**
     * @param bearer      the agencies' bearer step, or null when the service takes no bearer tokens
     * @param maxBodySize request bodies over this many bytes get 413 (0: no limit here, the service has its own)
     */
    public static SecurityFilterChain build(HttpSecurity http, AuthenticationManager manager, AuthenticationEntryPoint entry,
                                            AccessDeniedHandler denied, Filter bearer, long maxBodySize, Rules rules)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .authenticationManager(manager)
                .httpBasic(b -> b.authenticationEntryPoint(entry))
                .exceptionHandling(e -> e.authenticationEntryPoint(entry).accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    a.requestMatchers("/actuator/prometheus").hasAnyRole(OPERATOR, METRICS);
                    a.requestMatchers("/actuator", "/actuator/**").hasRole(OPERATOR);
                    rules.customize(a);
                    a.anyRequest().denyAll();
                });
        if (bearer != null) {
            http.addFilterBefore(bearer, BasicAuthenticationFilter.class);
        }
        if (maxBodySize > 0) {
            http.addFilterAfter(new BodyLimitFilter(maxBodySize), AuthorizationFilter.class);
        }
        return http.build();
    }

    /**
     * Allows the request when the caller is the agency or body named by the path variable of the matched rule,
     * such as {@code {body}} in {@code /api/v1/feeds/{body}/alerts/{alertId}/ack}.
     */
    public static AuthorizationManager<RequestAuthorizationContext> partyNamedBy(HttpParty.Kind kind, String variable) {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(isParty(authentication.get(), kind, context.getVariables().get(variable)));
    }

    static boolean isParty(Authentication authentication, HttpParty.Kind kind, String id) {
        return id != null && authentication != null && authentication.getPrincipal() instanceof HttpParty
                && ((HttpParty) authentication.getPrincipal()).is(kind, id);
    }
}
