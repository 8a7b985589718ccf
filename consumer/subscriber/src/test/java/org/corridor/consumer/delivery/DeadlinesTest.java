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
    private final Deadlines deadlines = new Deadlines(Map.of(Priority.URGENT, Duration.ofHours(1)),
            new Receipts(producer, new AvroSerializer<DeliveryReceipt>(new InMemorySchemaRegistryClient(1), Map.of(), false), clock),
            new SubscriberMetrics(meters), clock);

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
        deadlines.acknowledged("INCB", urgent.getAlertId().toString());
        deadlines.delivered("INCB", TraffickingAlert.newBuilder(urgent).setVersion(2).build());
        clock.now = clock.now.plus(Duration.ofHours(5));
        assertThat(deadlines.escalateOverdue()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void clocksReadBackAfterARestartEscalateOnlyOnceCaughtUp() {
        TraffickingAlert urgent = alert(Priority.URGENT);
        deadlines.delivered("SELEC", urgent.getAlertId(), urgent.getVersion(), Priority.URGENT, clock.now.minus(Duration.ofHours(2)));
        assertThat(deadlines.escalateOverdue()).as("not caught up yet").isZero();
        deadlines.ready();
        assertThat(deadlines.escalateOverdue()).isEqualTo(1);
    }
}
