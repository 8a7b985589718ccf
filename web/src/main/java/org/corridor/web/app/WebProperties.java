package org.corridor.web.app;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param agencies        each agency's id, bearer token, country and name, as a list
 *                        ({@code corridor.web.agencies[0].id}; environment {@code CORRIDOR_WEB_AGENCIES_0_ID})
 * @param bodies          each body's HTTP password (user {@code body-<id>}), by body id (environment
 *                        {@code CORRIDOR_WEB_BODIES_PARIS_PACT=...}: keys arrive as {@code paris.pact} and are read
 *                        back as body ids)
 * @param operatorPassword the operator's HTTP password
 * @param login           the OIDC provider and this app's client there
 * @param sessionTimeout  how long an idle session lasts
 */
@Validated
@ConfigurationProperties("corridor.web")
public record WebProperties(@NotNull URI ingestUrl, @NotNull URI routerUrl, @NotNull URI subscribersUrl, URI monitorUrl,
                            List<@Valid Agency> agencies, Map<String, String> bodies, String operatorPassword,
                            @NotNull @Valid Login login, Duration sessionTimeout) {

    public WebProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            if (agencies.get(i) != null && !ids.add(agencies.get(i).id())) {
                throw new IllegalArgumentException("corridor.web.agencies[" + i + "].id: " + agencies.get(i).id()
                        + " is listed twice");
            }
        }
        Map<String, String> byBody = new java.util.HashMap<>();
        if (bodies != null) {
            bodies.forEach((body, password) -> byBody.put(body.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                    .replace('-', '_'), password));
        }
        bodies = Map.copyOf(byBody);
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
    }

    /** Never prints a token or password. */
    @Override
    public String toString() {
        return "WebProperties[ingestUrl=" + ingestUrl + ", routerUrl=" + routerUrl + ", subscribersUrl=" + subscribersUrl
                + ", monitorUrl=" + monitorUrl + ", agencies=" + agencies + ", bodies=" + bodies.keySet()
                + ", login=" + login + ", sessionTimeout=" + sessionTimeout + "]";
    }

    /** The agency of that id, if the app has its credentials. */
    public java.util.Optional<Agency> agency(String id) {
        return agencies.stream().filter(a -> a != null && a.id().equals(id)).findFirst();
    }

    /**
     * @param id      the agency's id at the exchange
     * @param token   the agency's bearer token at the agency REST service and the router
     * @param country its country, ISO 3166-1 alpha-2 (as the exchange knows it)
     * @param name    its name
     */
    public record Agency(@NotBlank String id, @NotBlank String token, @NotBlank String country, @NotBlank String name) {

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Agency[id=" + id + ", country=" + country + ", name=" + name + "]";
        }
    }

    /**
     * @param issuer       the OIDC issuer, as its tokens name it (the address people's browsers reach it at)
     * @param clientId     this app's client id there
     * @param clientSecret its secret
     * @param discoveryUrl where this app reads the provider's discovery document when it cannot reach the issuer's
     *                     own address (in compose, the browsers' {@code http://localhost:8180/realms/corridor} is
     *                     {@code http://keycloak:8080/realms/corridor} for the app); by default the issuer
     */
    public record Login(@NotNull URI issuer, @NotBlank String clientId, @NotBlank String clientSecret, URI discoveryUrl) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Login[issuer=" + issuer + ", clientId=" + clientId
                    + (discoveryUrl == null ? "" : ", discoveryUrl=" + discoveryUrl) + "]";
        }
    }
}
