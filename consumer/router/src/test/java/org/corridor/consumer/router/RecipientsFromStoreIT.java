package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.consumer.ExchangeFixture;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The router's store on disk is the source of its decisions after a restart: the restarted router reads nothing of
 * {@code alerts.recipients} from before its checkpoint (its heap starts empty and stays so), and yet a retraction still
 * reaches every earlier recipient and the alert's id still belongs to its owner. Without the store, the same comes
 * from reading the whole topic again.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RecipientsFromStoreIT {

    @TempDir
    Path stateDir;

    private static TraffickingAlert retraction(TraffickingAlert v1) {
        return TraffickingAlert.newBuilder(v1).setVersion(2).setLifecycle(Lifecycle.RETRACTION)
                .setRetractionReason("reported twice").setReportedAt(Instant.now()).build();
    }

    @Test
    void aRetractionAfterARestartComesFromTheStoreAndReachesEveryEarlierRecipient(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-recipients-store-it")) {
            AlertTemplates.Template heroin = AlertTemplates.templates().get(9);
            TraffickingAlert v1 = heroin.alert().build();
            String id = v1.getAlertId().toString();
            Map<String, Object> withStore = Map.of("corridor.router.state-dir", stateDir.toString());
            try (ConfigurableApplicationContext router = Routers.start(fixture, "recipients-store-it", withStore)) {
                fixture.publish(List.of(v1));
                fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
            }
            assertThat(fixture.bodiesHolding(id, 1)).isEqualTo(new TreeSet<>(heroin.expected())).isNotEmpty();

            try (ConfigurableApplicationContext restarted = Routers.start(fixture, "recipients-store-it", withStore)) {
                RecipientsStore store = restarted.getBean(RecipientsStore.class);
                assertThat(store.follower().handed()).as("records of alerts.recipients read again after the restart")
                        .isZero();
                assertThat(store.history(id).recipients()).isEqualTo(new TreeSet<>(heroin.expected()));
                // Another agency cannot take the id over: its owner is known from the store alone.
                String other = v1.getOriginAgency().getAgencyId().equals("tj-drug-control") ? "kz-customs" : "tj-drug-control";
                TraffickingAlert hijack = TraffickingAlert.newBuilder(v1)
                        .setOriginAgency(new Agency(other, other.equals("kz-customs") ? "KZ" : "TJ", other)).build();
                fixture.publish(List.of(hijack));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> fixture
                        .records(Topics.DEAD_LETTERS, Set.of(id)).stream()
                        .anyMatch(r -> "ID_COLLISION".equals(ExchangeFixture.header(r, Headers.DLQ_REASON_CODE))));
                fixture.publish(List.of(retraction(v1)));
                fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
                assertThat(store.follower().handed()).as("only the new routing's record").isLessThanOrEqualTo(1);
            }
            assertThat(fixture.bodiesHolding(id, 2)).isEqualTo(new TreeSet<>(heroin.expected()));
            long copiesOfV1 = ReferenceData.defaults().bodyIds().stream().mapToLong(body -> fixture
                    .records(Topics.feed(body), Set.of(id)).stream().filter(r -> fixture.decodeAlert(r).getVersion() == 1).count()).sum();
            assertThat(copiesOfV1).as("the other agency's version 1 reached nobody").isEqualTo(heroin.expected().size());
        }
    }

    @Test
    void withoutTheStoreTheRouterReadsTheTopicAgainAndDecidesTheSame(TestKafka kafka) throws Exception {
        try (ExchangeFixture fixture = new ExchangeFixture(kafka, "_schemas-recipients-nostore-it")) {
            AlertTemplates.Template heroin = AlertTemplates.templates().get(9);
            TraffickingAlert v1 = heroin.alert().setAlertId(UUID.randomUUID()).build();
            String id = v1.getAlertId().toString();
            try (ConfigurableApplicationContext router = Routers.start(fixture, "recipients-nostore-it",
                    Map.of("corridor.router.state-dir", stateDir.resolve("first").toString()))) {
                fixture.publish(List.of(v1));
                fixture.awaitDecisions(Set.of(id), 1, Duration.ofSeconds(60));
            }
            try (ConfigurableApplicationContext restarted = Routers.start(fixture, "recipients-nostore-it",
                    Map.of("corridor.router.state-dir", stateDir.resolve("lost").toString()))) {
                assertThat(restarted.getBean(RecipientsStore.class).follower().handed()).isPositive();
                fixture.publish(List.of(retraction(v1)));
                fixture.awaitDecisions(Set.of(id), 2, Duration.ofSeconds(60));
            }
            assertThat(fixture.bodiesHolding(id, 2)).isEqualTo(new TreeSet<>(heroin.expected()));
        }
    }
}
