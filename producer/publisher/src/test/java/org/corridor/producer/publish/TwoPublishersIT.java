package org.corridor.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two publishers of one agency (two ingest instances, or REST and the library) correcting the same alert: each takes
 * the next version from the log, so they never issue the same version; when they race for one, the loser is told
 * (VersionConflictException) and only the first record of each version in the log was answered as published.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TwoPublishersIT {

    private static final String AGENCY = "two-publishers-it";

    private static AlertPublisher publisher(TestKafka kafka, RegistryServer registry) {
        return PublisherFactory.create(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                Map.of(RegistryClientConfig.URL, registry.url()), new AlertValidator(ReferenceData.defaults(), Clock.systemUTC()));
    }

    @Test
    void twoPublishersNeverIssueTheSameVersion(TestKafka kafka) throws Exception {
        String topic = Topics.inbound(AGENCY);
        kafka.createTopic(topic, 3);
        try (RegistryServer registry = RegistryServer.start(kafka, "_schemas-two-publishers-it");
             AlertPublisher a = publisher(kafka, registry);
             AlertPublisher b = publisher(kafka, registry)) {
            TraffickingAlert v1 = SampleAlerts.heroinSeizure().setOriginAgency(new Agency(AGENCY, "TJ", "Two publishers")).build();
            a.publish(v1).get();

            // Taking turns: each must number after the other's last version, not after its own.
            List<Integer> issued = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                AlertPublisher p = i % 2 == 0 ? a : b;
                issued.add(p.update(TraffickingAlert.newBuilder(v1).setSummary("turn " + i).build(), "trace-" + i).get().version());
            }
            assertThat(issued).containsExactly(2, 3, 4, 5, 6, 7);

            // At the same time: some may lose a race for a number, none is answered published with a number twice.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<PublishResult>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    AlertPublisher p = i % 2 == 0 ? a : b;
                    String summary = "concurrent " + i;
                    answers.add(pool.submit(() -> p.update(TraffickingAlert.newBuilder(v1).setSummary(summary).build(), "t").get()));
                }
                Map<Integer, PublishResult> published = new HashMap<>();
                int conflicts = 0;
                for (Future<PublishResult> answer : answers) {
                    try {
                        PublishResult r = answer.get();
                        assertThat(published.put(r.version(), r)).as("version %d answered twice", r.version()).isNull();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause() instanceof ExecutionException ? e.getCause().getCause() : e.getCause();
                        assertThat(cause).isInstanceOf(VersionConflictException.class);
                        conflicts++;
                    }
                }
                assertThat(published.size() + conflicts).isEqualTo(40);
                assertThat(published).isNotEmpty();

                // What the log says, in the router's terms: the first record of each version above all earlier ones.
                Map<Integer, Long> firstOfVersion = new HashMap<>();
                int highest = 0;
                List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
                for (ConsumerRecord<String, byte[]> r : records) {
                    int version = registry.decodeAlert(r).getVersion();
                    if (version > highest) {
                        firstOfVersion.put(version, r.offset());
                        highest = version;
                    }
                }
                published.forEach((version, r) -> assertThat(firstOfVersion.get(version)).as("version %d", version)
                        .isEqualTo(r.offset()));
                assertThat(records).hasSize(1 + 6 + 40);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
