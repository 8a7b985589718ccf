package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.corridor.broker.EmbeddedKafkaBroker;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Broker stopped: 503 with Retry-After, never 202; broker back on the same data: the service recovers by itself. */
class BrokerOutageIT {

    @TempDir
    Path dataDir;

    @Test
    void answers503WhileTheBrokerIsDownAndRecovers() {
        int port = EmbeddedKafkaBroker.freePort();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.singleNode(dataDir, port, Map.of()).start(Duration.ofSeconds(60));
        TestAgency agency = TestAgency.create("al-police", "AL");
        try (ConfigurableApplicationContext registry = TestServices.registry(broker.bootstrapServers(), "_schemas");
             ConfigurableApplicationContext ingest = TestServices.ingest(broker.bootstrapServers(), TestServices.url(registry),
                     List.of(agency), Map.of("corridor.ingest.publish-timeout", "6s", "corridor.ingest.retry-after", "3s"))) {
            ApiClient api = new ApiClient(TestServices.url(ingest));
            String body = SampleJson.seizure().replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"AL\"");
            assertThat(api.post(agency.token(), body).status()).isEqualTo(202);

            broker.close();
            ApiClient.Response down = api.post(agency.token(), body);
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.header("Retry-After")).isEqualTo("3");
            assertThat(down.json().get("detail").asText()).contains("try again later");

            broker = EmbeddedKafkaBroker.singleNode(dataDir, port, Map.of()).start(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> api.post(agency.token(), body).status() == 202);
        } finally {
            broker.close();
        }
    }
}
