package org.corridor.web.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings as a deployment gives them: environment variables, as docker-compose.yml sets them. */
class WebPropertiesTest {

    private static WebProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.get(environment)).bind("corridor.web", WebProperties.class).get();
    }

    private static final Map<String, Object> BASE = Map.of(
            "CORRIDOR_WEB_INGEST_URL", "http://ingest:8080", "CORRIDOR_WEB_ROUTER_URL", "http://router-1:8082",
            "CORRIDOR_WEB_SUBSCRIBERS_URL", "http://subscribers:8083",
            "CORRIDOR_WEB_LOGIN_ISSUER", "http://keycloak:8080/realms/corridor", "CORRIDOR_WEB_LOGIN_CLIENT_ID", "corridor-web",
            "CORRIDOR_WEB_LOGIN_CLIENT_SECRET", "s3cret");

    @Test
    void agenciesAreAListAndBodyKeysFromTheEnvironmentAreBodyIdsAgain() {
        Map<String, Object> env = new java.util.HashMap<>(BASE);
        env.putAll(Map.of("CORRIDOR_WEB_AGENCIES_0_ID", "tj-drug-control", "CORRIDOR_WEB_AGENCIES_0_TOKEN", "t0",
                "CORRIDOR_WEB_AGENCIES_0_COUNTRY", "TJ", "CORRIDOR_WEB_AGENCIES_0_NAME", "Drug Control Agency",
                "CORRIDOR_WEB_BODIES_PARIS_PACT", "p1", "CORRIDOR_WEB_BODIES_CARICC", "p2"));
        WebProperties p = bind(env);
        assertThat(p.agency("tj-drug-control")).hasValueSatisfying(a -> assertThat(a.token()).isEqualTo("t0"));
        assertThat(p.agency("be-customs")).isEmpty();
        assertThat(p.bodies()).containsOnlyKeys("PARIS_PACT", "CARICC");
        assertThat(p.toString()).doesNotContain("t0", "p1", "p2", "s3cret").contains("tj-drug-control", "PARIS_PACT");
    }

    @Test
    void anAgencyListedTwiceIsRefusedNamingIt() {
        Map<String, Object> env = new java.util.HashMap<>(BASE);
        env.putAll(Map.of("CORRIDOR_WEB_AGENCIES_0_ID", "kz-customs", "CORRIDOR_WEB_AGENCIES_0_TOKEN", "a",
                "CORRIDOR_WEB_AGENCIES_0_COUNTRY", "KZ", "CORRIDOR_WEB_AGENCIES_0_NAME", "KZ",
                "CORRIDOR_WEB_AGENCIES_1_ID", "kz-customs", "CORRIDOR_WEB_AGENCIES_1_TOKEN", "b",
                "CORRIDOR_WEB_AGENCIES_1_COUNTRY", "KZ", "CORRIDOR_WEB_AGENCIES_1_NAME", "KZ"));
        assertThatThrownBy(() -> bind(env)).rootCause().hasMessageContaining("corridor.web.agencies[1].id: kz-customs");
    }
}
