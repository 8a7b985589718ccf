package org.corridor.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The HTTP users and agency tokens as a deployment's environment variables give them (docker-compose.yml). */
class HttpSecurityPropertiesTest {

    @Test
    void usersAndAgencyTokensFromTheEnvironmentAreNamedAsPartiesAgain() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                "CORRIDOR_HTTP_USERS_BODY_PARIS_PACT", "a".repeat(64), "CORRIDOR_HTTP_USERS_BODY_CARICC", "b".repeat(64),
                "CORRIDOR_HTTP_USERS_OPERATOR", "c".repeat(64),
                "CORRIDOR_HTTP_AGENCYTOKENS_TJ_DRUG_CONTROL", "d".repeat(64))));
        HttpSecurityProperties p = new Binder(ConfigurationPropertySources.get(environment))
                .bind("corridor.http", HttpSecurityProperties.class).get();
        assertThat(p.users()).containsOnlyKeys("body-PARIS_PACT", "body-CARICC", "operator");
        assertThat(p.agencyTokens()).containsOnlyKeys("tj-drug-control");
        p.userTable(); // every user is a party
    }

    @Test
    void namesGivenAsPartiesStayAndOneGivenTwiceIsRefused() {
        HttpSecurityProperties p = new HttpSecurityProperties(Map.of("body-PARIS_PACT", "x", "metrics", "y"),
                Map.of("kz-customs", "z"), DataSize.ofMegabytes(1));
        assertThat(p.users()).containsOnlyKeys("body-PARIS_PACT", "metrics");
        assertThatThrownBy(() -> new HttpSecurityProperties(Map.of("body-CARICC", "x", "body.caricc", "y"), Map.of(),
                DataSize.ofMegabytes(1))).hasMessageContaining("body-CARICC is configured twice");
    }
}
