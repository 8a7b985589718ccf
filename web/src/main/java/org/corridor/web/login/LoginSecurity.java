package org.corridor.web.login;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The provider's two filter chains: the OAuth2/OIDC endpoints (authorization, token, JWK set, discovery, logout), and
 * the login form for everything else. The signing key is made at start and kept in memory only: a restart ends every
 * login (the web app's sessions then log in again), and no key lies on disk.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class LoginSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain providerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/error", "/login.css").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Sha256PasswordEncoder();
    }

    @Bean
    UserDetailsService people(LoginProperties settings) {
        return username -> {
            LoginProperties.Person p = settings.people().get(username);
            if (p == null) {
                throw new UsernameNotFoundException("no such person");
            }
            UserDetails user = User.withUsername(username).password(p.passwordSha256()).authorities("PERSON").build();
            return user;
        };
    }

    @Bean
    RegisteredClientRepository clients(LoginProperties settings) {
        LoginProperties.Client c = settings.client();
        RegisteredClient.Builder web = RegisteredClient.withId(UUID.nameUUIDFromBytes(c.id().getBytes()).toString())
                .clientId(c.id())
                .clientSecret(c.secretSha256())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(Duration.ofMinutes(30)).reuseRefreshTokens(false).build());
        for (String uri : c.redirectUris()) {
            web.redirectUri(uri);
            web.postLogoutRedirectUri(uri.replaceFirst("/login/oauth2/code/.*$", "/"));
        }
        return new InMemoryRegisteredClientRepository(web.build());
    }

    /** Puts the person's party, and name, into the ID token: what the web app authorises on. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> partyClaim(LoginProperties settings) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            LoginProperties.Person p = settings.people().get(context.getPrincipal().getName());
            if (p != null) {
                context.getClaims().claim(PartyClaim.NAME, p.party());
                context.getClaims().claim("name", p.name() == null ? context.getPrincipal().getName() : p.name());
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKey() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java platform", e);
        }
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(List.of(key)));
    }

    @Bean
    AuthorizationServerSettings providerSettings(LoginProperties settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer().toString()).build();
    }
}
