package org.corridor.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.registry.RegistryRunner;
import org.corridor.registry.api.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** With its broker gone, the registry answers writes with 50001 (store error) quickly, and still serves reads. */
class StoreFailureIT {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";

    @TempDir
    Path dataDir;

    @Test
    void brokerDownIsAStoreError() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.singleNode(dataDir, 0, Map.of()).start(Duration.ofSeconds(60));
        try (ConfigurableApplicationContext registry = RegistryRunner.start(broker.bootstrapServers(), "_schemas", Map.of(
                "corridor.registry.write-timeout", "3s",
                "spring.kafka.admin.properties.default.api.timeout.ms", "3000",
                "spring.kafka.admin.properties.request.timeout.ms", "2000"))) {
            Http http = new Http(RegistryRunner.url(registry));
            assertThat(http.post("/subjects/x-value/versions", Http.schemaBody(SCHEMA)).status()).isEqualTo(200);
            broker.close();
            Http.Response refused = http.post("/subjects/x-value/versions",
                    Http.schemaBody(SCHEMA.replace("\"int\"", "\"long\"")));
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.errorCode()).isEqualTo(50001);
            assertThat(refused.json().get("message").asText()).startsWith("Error in the backend data store: ");
            assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
        } finally {
            broker.close();
        }
    }
}
