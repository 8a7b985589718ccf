package org.corridor.web.login;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code corridor.login.*}: the issuer, the web app's client and the people who may log in.
 *
 * @param issuer the issuer URL the ID tokens name (how browsers and the web app reach this service)
 * @param client the web app's client registration
 * @param people by user name: the party the person acts for and the SHA-256 (hex) of their password
 */
@Validated
@ConfigurationProperties("corridor.login")
public record LoginProperties(@NotNull URI issuer, @NotNull @Valid Client client, @NotEmpty Map<String, @Valid Person> people) {

    /**
     * @param id            the client id
     * @param secretSha256  SHA-256 (hex) of the client secret
     * @param redirectUris  where the web app receives the authorization code
     */
    public record Client(@NotBlank String id, @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String secretSha256,
                         @NotEmpty List<String> redirectUris) {
    }

    /**
     * @param party           {@code agency:<id>}, {@code body:<id>} or {@code operator}
     * @param passwordSha256  SHA-256 (hex) of the password (passwords are generated, long and random)
     * @param name            the person's display name
     */
    public record Person(@NotBlank @Pattern(regexp = "agency:[a-z0-9][a-z0-9-]{1,62}|body:[A-Z][A-Z_]{1,31}|operator",
            message = "must be agency:<agency id>, body:<BODY> or operator") String party,
                         @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String passwordSha256, String name) {
    }
}
