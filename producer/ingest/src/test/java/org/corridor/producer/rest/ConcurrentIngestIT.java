package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** 1,000 alerts posted concurrently: every 202 alert is on its topic exactly once, where the answer said. */
@ExtendWith(KafkaBrokerExtension.class)
class ConcurrentIngestIT {

    @Test
    void everyAcceptedAlertIsOnTheTopicExactlyOnce(TestKafka kafka) throws Exception {
        TestAgency agency = TestAgency.create("rs-police", "RS");
        String topic = "alerts.in.rs-police";
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-concurrent-ingest");
             ConfigurableApplicationContext ingest = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(agency), Map.of())) {
            ApiClient api = new ApiClient(TestServices.url(ingest));
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 1_000; i++) {
                    String body = SampleJson.seizure().replace("\"eventCountry\":\"KZ\"", "\"eventCountry\":\"RS\"")
                            .replace("at Dostyk", "number " + i);
                    answers.add(pool.submit(() -> api.post(agency.token(), body)));
                }
                Map<String, String> placeById = new HashMap<>();
                for (Future<ApiClient.Response> answer : answers) {
                    ApiClient.Response r = answer.get();
                    assertThat(r.status()).as(r.body()).isEqualTo(202);
                    placeById.put(r.json().get("alertId").asText(),
                            r.json().get("partition").asInt() + "/" + r.json().get("offset").asLong());
                }
                assertThat(placeById).hasSize(1_000);

                List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
                Map<String, List<String>> onTopic = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    onTopic.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.partition() + "/" + r.offset());
                }
                assertThat(records).hasSize(1_000);
                placeById.forEach((id, place) -> assertThat(onTopic.get(id)).as(id).containsExactly(place));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
