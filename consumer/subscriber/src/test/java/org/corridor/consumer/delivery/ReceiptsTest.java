package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.DeliveryStatus;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each thread confirms its own receipts: body A's lost receipt fails A's confirm, never B's (which then committed
 * A's delivery without its DELIVERED receipt: silent loss, towards #18).
 */
class ReceiptsTest {

    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final Receipts receipts = new Receipts(producer,
            new AvroSerializer<DeliveryReceipt>(new InMemorySchemaRegistryClient(1), Map.of(), false), Clock.systemUTC());
    private final ExecutorService bodyA = Executors.newSingleThreadExecutor();
    private final ExecutorService bodyB = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        bodyA.shutdownNow();
        bodyB.shutdownNow();
    }

    @Test
    void aLostReceiptFailsTheConfirmOfTheThreadThatSentItOnly() throws Exception {
        CompletableFuture<Void> a = bodyA.submit(() -> receipts.send("UNODC", "kz-customs", UUID.randomUUID(), 1, DeliveryStatus.DELIVERED, 1, null))
                .get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> b = bodyB.submit(() -> receipts.send("OSCE", "kz-customs", UUID.randomUUID(), 1, DeliveryStatus.DELIVERED, 1, null))
                .get(5, TimeUnit.SECONDS);
        assertThat(producer.errorNext(new NotLeaderOrFollowerException("leader moved"))).isTrue();  // A's receipt
        assertThat(producer.completeNext()).isTrue();                                             // B's receipt
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompleted();

        assertThatCode(() -> bodyB.submit(receipts::confirm).get(5, TimeUnit.SECONDS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> bodyA.submit(receipts::confirm).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(Receipts.ReceiptsLostException.class)
                .hasMessageContaining("leader moved");
        // Confirmed once: the next poll of A starts clean.
        assertThatCode(() -> bodyA.submit(receipts::confirm).get(5, TimeUnit.SECONDS)).doesNotThrowAnyException();
    }
}
