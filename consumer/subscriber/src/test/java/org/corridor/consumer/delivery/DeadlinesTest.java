package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.consumer.Alerts;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(1);
    private final StateStore store = StateStore.temporary("deadlines-test");
    private final Deadlines deadlines = deadlines(store);

    private Deadlines deadlines(StateStore in) {
        return new Deadlines(Map.of(Priority.URGENT, Duration.ofHours(1)),
                new Receipts(producer, new AvroSerializer<DeliveryReceipt>(registry, Map.of(), false), clock),
                new SubscriberMetrics(meters), clock, in);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static TraffickingAlert alert(Priority priority) {
        return Alerts.neutral().setPriority(priority).build();
    }

    @Test
    void urgentAlertNotAcknowledgedInTimeIsEscalatedOnce() {
        deadlines.ready();
        deadlines.delivered("UNODC", alert(Priority.URGENT));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(deadlines.escalateOverdue()).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
        assertThat(deadlines.escalateOverdue()).isZero();
        assertThat(producer.history()).hasSize(1);
        assertThat(meters.counter(SubscriberMetrics.ESCALATIONS, "body", "UNODC", "priority", "URGENT").count()).isEqualTo(1.0);
    }

    @Test
    void anEscalationWhoseReceiptIsLostIsEscalatedAgainAtTheNextCheck() {
        deadlines.ready();
        deadlines.delivered("UNODC", alert(Priority.URGENT));
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker away");
        assertThatThrownBy(deadlines::escalateOverdue).isInstanceOf(Receipts.ReceiptsLostException.class);
        assertThat(meters.counter(SubscriberMetrics.ESCALATIONS, "body", "UNODC", "priority", "URGENT").count()).isZero();
        producer.sendException = null;
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
        assertThat(producer.history()).hasSize(1);
        assertThat(meters.counter(SubscriberMetrics.ESCALATIONS, "body", "UNODC", "priority", "URGENT").count()).isEqualTo(1.0);
    }

    @Test
    void acknowledgedOrRoutineAlertsAreNeverEscalated() {
        deadlines.ready();
        TraffickingAlert urgent = alert(Priority.URGENT);
        deadlines.delivered("INCB", urgent);
        deadlines.delivered("INCB", alert(Priority.ROUTINE));
        deadlines.acknowledged("INCB", "br-federal-police", urgent.getAlertId());
        deadlines.delivered("INCB", TraffickingAlert.newBuilder(urgent).setVersion(2).build());
        clock.now = clock.now.plus(Duration.ofHours(5));
        assertThat(deadlines.escalateOverdue()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    /** An alert id is its agency's: acknowledging one agency's alert leaves the other's clock running. */
    @Test
    void twoAgenciesAlertsWithTheSameIdHaveAClockEach() {
        deadlines.ready();
        TraffickingAlert kz = TraffickingAlert.newBuilder(alert(Priority.URGENT))
                .setOriginAgency(new org.corridor.schemas.avro.Agency("kz-customs", "KZ", "Customs")).build();
        TraffickingAlert tj = TraffickingAlert.newBuilder(kz)
                .setOriginAgency(new org.corridor.schemas.avro.Agency("tj-drug-control", "TJ", "Drug Control")).build();
        deadlines.delivered("UNODC", kz);
        deadlines.delivered("UNODC", tj);
        deadlines.acknowledged("UNODC", "kz-customs", kz.getAlertId());
        assertThat(deadlines.running("UNODC", "kz-customs", kz.getAlertId())).isFalse();
        assertThat(deadlines.running("UNODC", "tj-drug-control", tj.getAlertId())).isTrue();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
        assertThat(escalated()).extracting(DeliveryReceipt::getOriginAgency).containsExactly("tj-drug-control");
    }

    /** A receipt without the agency (written before receipts carried it) is of whichever agency's alert it named. */
    @Test
    void anAcknowledgementWithoutAgencyStopsTheClockOfThatIdAndAClockWithoutAgencyStopsWithAnAgencysAck() {
        deadlines.ready();
        TraffickingAlert urgent = alert(Priority.URGENT);
        deadlines.delivered("OSCE", null, urgent.getAlertId(), 1, Priority.URGENT, clock.now);
        deadlines.acknowledged("OSCE", "br-federal-police", urgent.getAlertId());
        assertThat(deadlines.running("OSCE", null, urgent.getAlertId())).isFalse();
        TraffickingAlert other = alert(Priority.URGENT);
        deadlines.acknowledged("OSCE", null, other.getAlertId());
        deadlines.delivered("OSCE", other);
        assertThat(deadlines.running("OSCE", "br-federal-police", other.getAlertId())).as("acknowledged before").isFalse();
    }

    private java.util.List<DeliveryReceipt> escalated() {
        org.corridor.support.serde.AvroDeserializer<DeliveryReceipt> d = new org.corridor.support.serde.AvroDeserializer<>(registry);
        d.configure(Map.of(org.corridor.support.serde.AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return producer.history().stream().map(r -> d.deserialize(r.topic(), r.value())).toList();
    }

    @Test
    void clocksReadBackAfterARestartEscalateOnlyOnceCaughtUp() {
        TraffickingAlert urgent = alert(Priority.URGENT);
        deadlines.delivered("SELEC", "br-federal-police", urgent.getAlertId(), urgent.getVersion(), Priority.URGENT, clock.now.minus(Duration.ofHours(2)));
        assertThat(deadlines.escalateOverdue()).as("not caught up yet").isZero();
        deadlines.ready();
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
    }

    @Test
    void runningClocksAndSettledAlertsSurviveARestartInTheStore() {
        TraffickingAlert running = alert(Priority.URGENT);
        TraffickingAlert acknowledged = alert(Priority.URGENT);
        deadlines.ready();
        deadlines.delivered("SELEC", running);
        deadlines.delivered("SELEC", acknowledged);
        deadlines.acknowledged("SELEC", acknowledged.getOriginAgency().getAgencyId(), acknowledged.getAlertId());

        Deadlines restarted = deadlines(store);
        // A replayed DELIVERED receipt of the acknowledged alert starts nothing: it is settled for good.
        restarted.delivered("SELEC", acknowledged.getOriginAgency().getAgencyId(), acknowledged.getAlertId(), 1,
                Priority.URGENT, clock.now);
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(restarted.escalateOverdue()).as("not caught up yet").isZero();
        restarted.ready();
        assertThat(restarted.escalateOverdue()).isEqualTo(1);
        assertThat(restarted.running("SELEC", running.getOriginAgency().getAgencyId(), running.getAlertId())).isFalse();
        assertThat(deadlines(store).escalateOverdue()).isZero();
        Deadlines third = deadlines(store);
        third.ready();
        assertThat(third.escalateOverdue()).as("escalated once, settled in the store").isZero();
    }

    @Test
    void aCheckEscalatesTheClocksDueByNowAndNoLaterOnes() {
        deadlines.ready();
        TraffickingAlert early = alert(Priority.URGENT);
        TraffickingAlert late = alert(Priority.URGENT);
        deadlines.delivered("SELEC", early.getOriginAgency().getAgencyId(), early.getAlertId(), 1, Priority.URGENT,
                clock.now.minus(Duration.ofHours(1)));
        deadlines.delivered("SELEC", late.getOriginAgency().getAgencyId(), late.getAlertId(), 1, Priority.URGENT,
                clock.now.minus(Duration.ofMinutes(30)));
        assertThat(deadlines.escalateOverdue()).as("the first is due exactly now").isEqualTo(1);
        assertThat(deadlines.running("SELEC", late.getOriginAgency().getAgencyId(), late.getAlertId())).isTrue();
        assertThat(deadlines.running("SELEC", early.getOriginAgency().getAgencyId(), early.getAlertId())).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(deadlines.escalateOverdue()).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
    }
}
