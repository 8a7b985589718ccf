package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two ingest instances behind one agency's clients: corrections sent to either take the next version after the
 * other's, since each reads the version from the topic, not from what it published itself.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TwoIngestInstancesIT {

    @Test
    void correctionsThroughEitherInstanceNeverRepeatAVersion(TestKafka kafka) {
        TestAgency agency = TestAgency.create("kg-drug-control", "KG");
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-two-ingest-it");
             ConfigurableApplicationContext one = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(agency), Map.of());
             ConfigurableApplicationContext two = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(agency), Map.of())) {
            ApiClient a = new ApiClient(TestServices.url(one));
            ApiClient b = new ApiClient(TestServices.url(two));
            String body = SampleJson.seizure().replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"KG\"");
            ApiClient.Response created = a.post(agency.token(), body);
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            String id = created.json().get("alertId").asText();

            List<Integer> versions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ApiClient api = i % 2 == 0 ? b : a;
                ApiClient.Response r = api.send("PUT", "/api/v1/alerts/" + id, agency.token(), "application/json",
                        body.replace("412.5", Integer.toString(400 + i)), Map.of());
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                versions.add(r.json().get("version").asInt());
            }
            ApiClient.Response retracted = b.send("DELETE", "/api/v1/alerts/" + id, agency.token(), "application/json",
                    "{\"reason\":\"reported twice\"}", Map.of());
            assertThat(retracted.status()).as(retracted.body()).isEqualTo(202);
            versions.add(retracted.json().get("version").asInt());
            assertThat(versions).containsExactly(2, 3, 4, 5, 6, 7, 8);
            assertThat(kafka.readAll("alerts.in.kg-drug-control").stream().filter(r -> r.key().equals(id))).hasSize(8);
        }
    }
}
