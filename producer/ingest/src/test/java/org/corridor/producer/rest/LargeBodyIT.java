package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.producer.ingest.ApiClient;
import org.corridor.producer.ingest.SampleJson;
import org.corridor.producer.ingest.TestServices;
import org.corridor.producer.ingest.TestServices.TestAgency;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bodies at the REST size limit: the ingest takes a body up to {@code corridor.ingest.max-body-size} (256 KiB by
 * default) and answers 413 above it, writing nothing. (The publisher library's own limit, Kafka's 1 MiB request, is
 * tested by its {@code LargeAlertPublishIT}.)
 */
@ExtendWith(KafkaBrokerExtension.class)
class LargeBodyIT {

    @Test
    void restTakesABodyJustUnderItsLimitAndAnswers413OverIt(TestKafka kafka) throws Exception {
        TestAgency agency = TestAgency.create("large-rest-it", "KZ");
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-large-rest-it");
             ConfigurableApplicationContext ingest = TestServices.ingest(kafka.bootstrapServers(), TestServices.url(registry),
                     List.of(agency), Map.of("corridor.ingest.rate-limit", "0"))) {
            ApiClient api = new ApiClient(TestServices.url(ingest));
            int limit = 256 * 1024;
            ApiClient.Response fits = api.post(agency.token(), bodyOf(limit - 16));
            assertThat(fits.status()).as(fits.body()).isEqualTo(202);
            ApiClient.Response over = api.post(agency.token(), bodyOf(limit + 1));
            assertThat(over.status()).isEqualTo(413);
            assertThat(over.body()).contains("too-large");
            assertThat(kafka.readAll(Topics.inbound(agency.id()))).as("only the body within the limit").hasSize(1);
        }
    }

    /** The sample seizure as JSON, its details padded to exactly this many bytes in UTF-8. */
    private static String bodyOf(int bytes) throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        ObjectNode node = (ObjectNode) json.readTree(SampleJson.seizure());
        node.put("details", "");
        int base = json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        node.put("details", "x".repeat(bytes - base));
        String body = json.writeValueAsString(node);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return body;
    }
}
