package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts at the size limit of the library, against a real broker and the real registry server: it takes an alert up
 * to Kafka's request limit (1 MiB with key and headers) and refuses a larger one with a fatal error that names the size
 * and the limit, writing nothing. The REST ingest's own body limit is tested by its {@code LargeBodyIT}.
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
        try (RegistryServer registry = RegistryServer.start(kafka, "_schemas-large-publish-it");
             AlertPublisher publisher = PublisherFactory.create(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     Map.of(RegistryClientConfig.URL, registry.url()),
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
            TraffickingAlert read = registry.decodeAlert(kafka.readAll(topic).get(0));
            assertThat(read.getAlertId()).isEqualTo(fits.alertId());
            assertThat(read.getDetails()).hasSize(Topics.INBOUND_MAX_BYTES - 2_048);
        }
    }
}
