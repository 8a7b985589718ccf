package org.corridor.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker/keycloak/corridor-realm.json against the compose file: every placeholder it reads is in the keycloak
 * service's environment, it has exactly one person per agency the compose file provisions, per body, and the
 * operator, each with the party claim the web app reads, and its client is the one the web service logs in with.
 * (ComposeConfigurationIT then logs in through a real Keycloak with it.)
 */
class KeycloakRealmTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theRealmFileMatchesTheComposeFile() throws Exception {
        ComposeFile compose = new ComposeFile(ROOT.resolve("docker-compose.yml"), ROOT.resolve(".env.example"));
        String text = Files.readString(ROOT.resolve("docker/keycloak/corridor-realm.json"));
        JsonNode realm = JsonMapper.shared().readTree(text);
        Map<String, String> keycloak = compose.environment("keycloak");

        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(text);
        TreeSet<String> missing = new TreeSet<>();
        while (placeholder.find()) {
            if (!keycloak.containsKey(placeholder.group(1))) {
                missing.add(placeholder.group(1));
            }
        }
        assertThat(missing).as("placeholders of the realm file not in the keycloak service's environment").isEmpty();

        List<String> command = compose.command("provision");
        List<String> agencies = List.of(command.get(command.indexOf("--agencies") + 1).split(","));
        List<String> expected = new ArrayList<>();
        agencies.forEach(a -> expected.add("officer-" + a + "=agency:" + a));
        ReferenceData.defaults().bodyIds().forEach(b -> expected.add("analyst-" + b.toLowerCase(java.util.Locale.ROOT) + "=body:" + b));
        expected.add("operator=operator");
        List<String> people = new ArrayList<>();
        for (JsonNode u : realm.path("users")) {
            people.add(u.path("username").asString() + "=" + u.path("attributes").path("corridor_party").path(0).asString());
            assertThat(u.path("requiredActions").toString()).as(u.path("username") + " sets a password of their own").contains("UPDATE_PASSWORD");
            assertThat(u.path("credentials").path(0).path("value").asString()).as("a first password from the environment").startsWith("${");
        }
        assertThat(people).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, String> web = compose.environment("web");
        JsonNode client = realm.path("clients").path(0);
        assertThat(client.path("clientId").asString()).isEqualTo(web.get("CORRIDOR_WEB_LOGIN_CLIENT_ID"));
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(keycloak.get("CORRIDOR_WEB_CLIENT_SECRET")).isEqualTo(web.get("CORRIDOR_WEB_LOGIN_CLIENT_SECRET"));
        assertThat(keycloak.get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asString())
                .isEqualTo(web.get("CORRIDOR_WEB_LOGIN_ISSUER"));
        assertThat(client.path("protocolMappers").toString()).contains("\"claim.name\":\"corridor_party\"", "\"id.token.claim\":\"true\"");
    }
}
