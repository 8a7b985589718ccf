package org.corridor.web.app;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code corridor.web.*}: where the exchange's services answer, the parties' credentials the app calls them with,
 * and the login provider.
 *
 * @param ingestUrl       the agency REST service
 * @param routerUrl       the router (explain: who would receive an alert)
 * @param subscribersUrl  the subscribers (a body's feed, acknowledgements, responses)
 * @param monitorUrl      the monitor (operators)
 * @param agencies        each agency's bearer token, country and name, by agency id
 * @param bodies          each body's HTTP password (user {@code body-<id>}), by body id
 * @param operatorPassword the operator's HTTP password
 * @param login           the OIDC provider and this app's client there
 * @param sessionTimeout  how long an idle session lasts
 */
@Validated
@ConfigurationProperties("corridor.web")
public record WebProperties(@NotNull URI ingestUrl, @NotNull URI routerUrl, @NotNull URI subscribersUrl, URI monitorUrl,
                            Map<String, @Valid Agency> agencies, Map<String, String> bodies, String operatorPassword,
                            @NotNull @Valid Login login, Duration sessionTimeout) {

    public WebProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        bodies = bodies == null ? Map.of() : Map.copyOf(bodies);
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
    }

    /** Never prints a token or password. */
    @Override
    public String toString() {
        return "WebProperties[ingestUrl=" + ingestUrl + ", routerUrl=" + routerUrl + ", subscribersUrl=" + subscribersUrl
                + ", monitorUrl=" + monitorUrl + ", agencies=" + agencies.keySet() + ", bodies=" + bodies.keySet()
                + ", login=" + login + ", sessionTimeout=" + sessionTimeout + "]";
    }

    /**
     * @param token   the agency's bearer token at the agency REST service and the router
     * @param country its country, ISO 3166-1 alpha-2 (as the exchange knows it)
     * @param name    its name
     */
    public record Agency(@NotBlank String token, @NotBlank String country, @NotBlank String name) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Agency[country=" + country + ", name=" + name + "]";
        }
    }

    /**
     * @param issuer       the OIDC issuer
     * @param clientId     this app's client id there
     * @param clientSecret its secret
     */
    public record Login(@NotNull URI issuer, @NotBlank String clientId, @NotBlank String clientSecret) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Login[issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }
}
