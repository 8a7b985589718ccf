package org.corridor.web.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

class LoginProviderTest {

    /** Keycloak in compose: the browsers' issuer address, and the endpoints the app itself reaches. */
    private static String document(String issuer) {
        return """
                {"issuer":"%s","authorization_endpoint":"%s/protocol/openid-connect/auth",
                 "token_endpoint":"http://keycloak:8080/realms/corridor/protocol/openid-connect/token",
                 "jwks_uri":"http://keycloak:8080/realms/corridor/protocol/openid-connect/certs",
                 "userinfo_endpoint":"http://keycloak:8080/realms/corridor/protocol/openid-connect/userinfo",
                 "end_session_endpoint":"%s/protocol/openid-connect/logout"}""".formatted(issuer, issuer, issuer);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theDiscoveryDocumentIsReadAtTheAppsAddressForTheBrowsersIssuerOnlyAtTheFirstLoginAndAgainAfterAFailure() throws Exception {
        String issuer = "http://localhost:8180/realms/corridor";
        int port = freePort();
        URI discovery = URI.create("http://127.0.0.1:" + port + "/realms/corridor");
        LoginProvider provider = new LoginProvider(new WebProperties.Login(URI.create(issuer), "corridor-web", "s3cret", discovery));

        // The provider is not up yet: this login fails, named; the app keeps running and tries again next time.
        assertThatThrownBy(() -> provider.findByRegistrationId("corridor"))
                .isInstanceOf(LoginProvider.LoginProviderUnavailableException.class).hasMessageContaining(issuer);

        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        int[] reads = {0};
        keycloak.createContext("/realms/corridor/.well-known/openid-configuration", x -> {
            reads[0]++;
            byte[] body = document(issuer).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        keycloak.start();
        try {
            ClientRegistration r = provider.findByRegistrationId("corridor");
            assertThat(r.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
            assertThat(r.getProviderDetails().getAuthorizationUri()).startsWith(issuer);
            assertThat(r.getProviderDetails().getTokenUri()).startsWith("http://keycloak:8080/");
            assertThat(r.getProviderDetails().getJwkSetUri()).startsWith("http://keycloak:8080/");
            assertThat(r.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
            assertThat(r.getScopes()).containsExactlyInAnyOrder("openid", "profile");
            assertThat(provider.findByRegistrationId("corridor")).isSameAs(r);
            assertThat(reads[0]).isEqualTo(1);
            assertThat(provider.findByRegistrationId("other")).isNull();
        } finally {
            keycloak.stop(0);
        }
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() {
        LoginProvider provider = new LoginProvider(new WebProperties.Login(URI.create("http://localhost:8180/realms/corridor"),
                "corridor-web", "s3cret", URI.create("http://keycloak:8080/realms/corridor")));
        assertThatThrownBy(() -> provider.fromDiscoveryDocument(tools.jackson.databind.json.JsonMapper.shared()
                .readTree(document("http://evil.example/realms/corridor"))))
                .hasMessageContaining("names the issuer \"http://evil.example/realms/corridor\"");
    }
}
