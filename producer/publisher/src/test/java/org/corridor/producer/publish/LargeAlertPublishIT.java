package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.corridor.producer.ApiClient;
import org.corridor.producer.SampleJson;
import org.corridor.producer.TestServices;
import org.corridor.producer.TestServices.TestAgency;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.registry.RegistryClientConfig;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Alerts at the size limits. The publisher library takes an alert up to Kafka's request limit (1 MiB with key and
 * headers) and refuses a larger one with a fatal error that names the size and the limit, writing nothing. The REST
 * ingest takes a body up to {@code corridor.ingest.max-body-size} (256 KiB by default) and answers 413 above it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LargeAlertPublishIT {

    private static final String AGENCY = "large-alert-it";

    private static TraffickingAlert withDetails(int chars) {
        return SampleAlerts.heroinSeizure().setAlertId(UUID.randomUUID()).setOriginAgency(new Agency(AGENCY, "TJ", "Large"))
                .setDetails("x".repeat(chars)).build();
    }

    @Test
    void theLibraryTakesAnAlertJustUnderKafkasLimitAndRefusesOneOverIt(TestKafka kafka) throws Exception {
        String topic = Topics.inbound(AGENCY);
        kafka.createTopic(topic, 1);
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-large-publish-it");
             AlertPublisher publisher = PublisherFactory.create(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     Map.of(RegistryClientConfig.URL, TestServices.url(registry)),
                     new AlertValidator(ReferenceData.defaults(), Clock.systemUTC()))) {
            // The alert's other fields, key, headers and batch framing take well under 2 KiB.
            PublishResult fits = publisher.publish(withDetails(Topics.INBOUND_MAX_BYTES - 2_048)).get();
            assertThat(fits.offset()).isZero();

            Throwable tooLarge = catchThrowable(() -> publisher.publish(withDetails(Topics.INBOUND_MAX_BYTES)).get());
            assertThat(tooLarge).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PublishException.class)
                    .hasMessageContaining("fatal").hasMessageContaining("max.request.size").hasMessageContaining("1048576");
            assertThat(((PublishException) tooLarge.getCause()).retriable()).isFalse();
            assertThat(kafka.readAll(topic)).as("only the alert that fits").hasSize(1);
            assertThat(kafka.readAll(topic).get(0).value().length).isGreaterThan(Topics.INBOUND_MAX_BYTES - 2_048);
        }
    }

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
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(SampleJson.seizure());
        node.put("details", "");
        int base = json.writeValueAsString(node).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        node.put("details", "x".repeat(bytes - base));
        String body = json.writeValueAsString(node);
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(bytes);
        return body;
    }
}
