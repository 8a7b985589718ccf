package org.corridor.producer.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroSerializer;

/**
 * An agency's responses to its own alerts (the return channel, docs/return-channel.md): answers, comments, follow-ups
 * and re-share decisions, written to {@code alerts.responses.agency-<id>} (the agency's principal alone may), keyed
 * {@code <alertAgency>/<alertId>}, idempotent and acks=all, each validated first. The exchange decides whether the
 * agency may respond to that alert version and who gets the response. Thread-safe.
 */
public final class ResponsePublisher implements AutoCloseable {

    private final Producer<String, AlertResponse> producer;
    private final ResponseValidator validator;

    ResponsePublisher(Producer<String, AlertResponse> producer, ResponseValidator validator) {
        this.producer = producer;
        this.validator = validator;
    }

    /**
     * @param kafka the agency's Kafka client settings (its own principal on a secured broker)
     * @param serde the registry settings ({@code schema.registry.url}, ...)
     */
    public static ResponsePublisher create(Map<String, Object> kafka, Map<String, Object> serde, ResponseValidator validator) {
        SchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.from(serde));
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "corridor-responses-" + UUID.randomUUID());
        return new ResponsePublisher(new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry, serde, false)),
                validator);
    }

    /**
     * Sends the agency's response.
     *
     * @return completes when the broker acknowledged the record
     * @throws org.corridor.schemas.validation.InvalidResponseException listing every violation, before anything is sent
     * @throws IllegalArgumentException when the responder is not an agency
     */
    public CompletableFuture<RecordMetadata> respond(AlertResponse response) {
        validator.requireValid(response);
        if (response.getResponder().getKind() != ResponderKind.AGENCY) {
            throw new IllegalArgumentException("responder: " + response.getResponder() + " is not an agency; bodies respond"
                    + " through the subscribers' API");
        }
        String topic = Topics.agencyResponses(response.getResponder().getId());
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, response.getAlertAgency() + "/" + response.getAlertId(), response),
                (metadata, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        done.complete(metadata);
                    }
                });
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
