package org.corridor.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.corridor.registry.RegistryApplication;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With writers configured, changes need their basic credentials; reads, lookups and compatibility tests do not. */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteAuthIT {

    private static final String PASSWORD = "writer-password-7f3a";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBrokerExtension.shared().bootstrapServers());
        registry.add("corridor.registry.topic", () -> "_schemas-auth-it");
        registry.add("corridor.registry.writer-id", () -> "registry-auth-it");
        registry.add("corridor.registry.writers.corridor", () -> org.corridor.support.http.PasswordTable.sha256Hex(PASSWORD));
    }

    @Value("${local.server.port}")
    int port;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void changesNeedAWritersCredentialsReadsDoNot() {
        Http http = new Http("http://localhost:" + port);
        String subject = "auth-" + UUID.randomUUID() + "-value";
        String body = Http.schemaBody(RegistryApiIT.V1);

        Http.Response anonymous = http.send("POST", "/subjects/" + subject + "/versions", body, Http.V1, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error_code").asInt()).isEqualTo(40101);
        assertThat(http.send("POST", "/subjects/" + subject + "/versions", body, Http.V1, null, basic("corridor", "wrong")).status()).isEqualTo(401);
        assertThat(http.send("POST", "/subjects/" + subject + "/versions", body, Http.V1, null, basic("nobody", PASSWORD)).status()).isEqualTo(401);
        assertThat(http.send("PUT", "/config", "{\"compatibility\":\"NONE\"}", Http.V1, null, null).status()).isEqualTo(401);
        assertThat(http.send("DELETE", "/subjects/" + subject, null, Http.V1, null, null).status()).isEqualTo(401);

        Http.Response registered = http.send("POST", "/subjects/" + subject + "/versions", body, Http.V1, null, basic("corridor", PASSWORD));
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.json().get("id").asInt();

        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.send("POST", "/subjects/" + subject, body, Http.V1, null, null).status()).as("lookup").isEqualTo(200);
        assertThat(http.send("POST", "/compatibility/subjects/" + subject + "/versions/latest", body, Http.V1, null, null).status())
                .isEqualTo(200);

        // Our client takes the credentials from the URL (Confluent's basic.auth.credentials.source=URL).
        CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(
                RegistryClientConfig.of("http://corridor:" + PASSWORD + "@localhost:" + port));
        Schema v2 = new Schema.Parser().parse(RegistryApiIT.V2);
        assertThat(client.register(subject, v2)).isGreaterThan(id);
    }
}
