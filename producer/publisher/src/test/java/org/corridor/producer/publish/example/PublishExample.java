package org.corridor.producer.publish.example;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.corridor.producer.publish.AlertPublisher;
import org.corridor.producer.publish.PublishException;
import org.corridor.producer.publish.PublishResult;
import org.corridor.producer.publish.PublisherFactory;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;
import org.corridor.schemas.validation.AlertValidator;

/** Publishes a seizure for kz-customs, corrects it, then retracts it. Arguments: [bootstrap servers] [registry URL]. */
public final class PublishExample {

    public static void main(String[] args) throws InterruptedException {
        String bootstrapServers = args.length > 0 ? args[0] : "localhost:9092";
        String registryUrl = args.length > 1 ? args[1] : "http://localhost:8081";

        TraffickingAlert alert = TraffickingAlert.newBuilder()
                .setAlertId(UUID.randomUUID())
                .setVersion(1)
                .setLifecycle(Lifecycle.NEW)
                .setOriginAgency(new Agency("kz-customs", "KZ", "State Revenue Committee, Customs"))
                .setKind(AlertKind.SEIZURE)
                .setPriority(Priority.URGENT)
                .setOccurredOn(LocalDate.now(ZoneOffset.UTC))
                .setReportedAt(Instant.now())
                .setSubstances(List.of(new Substance("heroin", SubstanceCategory.OPIATE, null,
                        new Quantity(new BigDecimal("412.500"), QuantityUnit.KG), null)))
                .setRoute(Route.newBuilder().setEventCountry("KZ").setOriginCountry("AF").setDestinationCountry("RU")
                        .setPlaceName("Dostyk").build())
                .setTransportMode(TransportMode.ROAD)
                .setSummary("412.5 kg of heroin in a cotton truck at Dostyk")
                .setHandling(Handling.newBuilder().setTlp(Tlp.AMBER).setHandlingCode(HandlingCode.H1)
                        .setAddressedTo(List.of("CARICC")).build())
                .build();

        try (AlertPublisher publisher = PublisherFactory.create(
                Map.of("bootstrap.servers", bootstrapServers),  // any Kafka client settings; acks=all and
                Map.of("schema.registry.url", registryUrl),     // idempotence are always on
                AlertValidator.withDefaults())) {
            // publish() throws InvalidAlertException at once if the alert is invalid; get() waits for the broker.
            PublishResult published = publisher.publish(alert).get();
            System.out.println("published " + published);

            TraffickingAlert corrected = TraffickingAlert.newBuilder(alert)
                    .setSummary("412.5 kg of heroin in a cotton truck at Dostyk, driver detained").build();
            System.out.println("corrected " + publisher.update(corrected, "example-trace-1").get());  // version 2, UPDATE
            System.out.println("retracted " + publisher.retract("kz-customs", alert.getAlertId(), "duplicate",
                    "example-trace-2").get());                                                     // version 3, RETRACTION
        } catch (ExecutionException e) {
            // A failed send: retriable() says whether trying again may help (broker or registry unavailable) or not.
            PublishException failure = (PublishException) e.getCause();
            System.err.println((failure.retriable() ? "try again later: " : "refused: ") + failure.getMessage());
            System.exit(failure.retriable() ? 3 : 1);
        }
    }
}
