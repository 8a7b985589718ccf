package org.corridor.web.app;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The one OIDC provider people log in with ({@code corridor.web.login.*}), found through its discovery document the
 * first time someone logs in rather than when the app starts: the app starts while the provider (the embedded login
 * service, or Keycloak in a deployment) is still starting or down, and a failed discovery is tried again at the next
 * login instead of stopping the app. Thread-safe.
 */
final class LoginProvider implements ClientRegistrationRepository {

    /** The registration id, as in the redirect URI {@code /login/oauth2/code/corridor}. */
    static final String ID = "corridor";

    private static final Logger log = LoggerFactory.getLogger(LoginProvider.class);

    private final WebProperties.Login login;
    private volatile ClientRegistration found;

    LoginProvider(WebProperties.Login login) {
        this.login = login;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration registration = found;
        if (registration == null) {
            synchronized (this) {
                if (found == null) {
                    found = discover();
                }
                registration = found;
            }
        }
        return registration;
    }

    private ClientRegistration discover() {
        try {
            ClientRegistration.Builder provider = login.discoveryUrl() == null
                    ? ClientRegistrations.fromIssuerLocation(login.issuer().toString()).registrationId(ID)
                    : fromDiscoveryDocument(read(login.discoveryUrl()));
            return provider.clientId(login.clientId()).clientSecret(login.clientSecret()).scope("openid", "profile")
                    .clientName("Corridor").build();
        } catch (RuntimeException e) {
            // Not cached: the next login tries again. The person sees the error page; the log says why.
            log.warn("The login provider {} cannot be reached or answered no usable discovery document: {}",
                    login.issuer(), e.toString());
            throw new LoginProviderUnavailableException(login.issuer().toString(), e);
        }
    }

    /**
     * The registration from a discovery document read at another address than the issuer's: the document must name
     * the configured issuer (so the ID tokens' {@code iss} is checked against it), and its endpoints are used as the
     * provider gives them for that address (the browser's authorization endpoint, the app's token and key endpoints).
     */
    ClientRegistration.Builder fromDiscoveryDocument(JsonNode document) {
        String issuer = document.path("issuer").asString("");
        if (!issuer.equals(login.issuer().toString())) {
            throw new IllegalStateException("the discovery document at " + login.discoveryUrl() + " names the issuer \""
                    + issuer + "\", not corridor.web.login.issuer " + login.issuer());
        }
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        document.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
        return ClientRegistration.withRegistrationId(ID)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(required(document, "authorization_endpoint"))
                .tokenUri(required(document, "token_endpoint"))
                .jwkSetUri(required(document, "jwks_uri"))
                .userInfoUri(document.path("userinfo_endpoint").asString(null))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(issuer)
                .providerConfigurationMetadata(metadata);
    }

    private String required(JsonNode document, String field) {
        String value = document.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException("the discovery document at " + login.discoveryUrl() + " has no " + field);
        }
        return value;
    }

    private static JsonNode read(URI discoveryUrl) {
        String base = discoveryUrl.toString().replaceAll("/+$", "");
        return RestClient.create().get().uri(base + "/.well-known/openid-configuration").retrieve().body(JsonNode.class);
    }

    /** The provider could not be reached or its discovery document could not be used. */
    static final class LoginProviderUnavailableException extends RuntimeException {
        LoginProviderUnavailableException(String issuer, Throwable cause) {
            super("the login provider " + issuer + " cannot be reached", cause);
        }
    }
}
