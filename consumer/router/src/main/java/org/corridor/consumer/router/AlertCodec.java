package org.corridor.consumer.router;

import org.corridor.support.serde.Serdes;
import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.decision.Decoded;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.serde.AvroDeserializer;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.schemas.serde.UnknownSchemaIdException;
import org.corridor.schemas.serde.WrongSchemaTypeException;
import org.corridor.schemas.topics.Topics;

/**
 * Reads inbound alerts and responses and writes audit decisions in the Confluent wire format, sharing one registry client. Decoding
 * never throws for bad bytes: it classifies them ({@link Decoded.Failed}) by exception type. A registry outage (a
 * {@link RetriableException}) is retried with exponential backoff, on top of the registry client's own retries, and
 * then reported as RETRIES_EXHAUSTED. Thread-safe.
 */
public final class AlertCodec {

    private final AvroDeserializer<TraffickingAlert> alerts;
    private final AvroSerializer<RoutingDecision> decisions;
    private final AvroSerializer<org.corridor.schemas.avro.RoutedVersion> routedVersions;
    private final AvroSerializer<TraffickingAlert> released;
    private final AvroDeserializer<AlertResponse> responses;
    private final AvroSerializer<AlertResponse> releasedResponses;
    private final Retry registryRetry;
    private final int maxRetries;

    /**
     * @param maxRetries      retries of a decode that failed for a retriable reason (0: none)
     * @param retryBackoff    the first wait between them, doubled each time up to {@code maxRetryBackoff}
     */
    public AlertCodec(SchemaRegistryClient registry, int maxRetries, Duration retryBackoff, Duration maxRetryBackoff) {
        this.alerts = Serdes.reader(registry, TraffickingAlert.class);
        this.decisions = Serdes.writer(registry, RoutingDecision.class);
        this.routedVersions = Serdes.writer(registry, org.corridor.schemas.avro.RoutedVersion.class);
        this.released = Serdes.writer(registry, TraffickingAlert.class);
        this.responses = Serdes.reader(registry, AlertResponse.class);
        this.releasedResponses = Serdes.writer(registry, AlertResponse.class);
        this.maxRetries = maxRetries;
        long initial = Math.max(1, retryBackoff.toMillis());
        this.registryRetry = Retry.of("router-registry", RetryConfig.custom()
                .maxAttempts(maxRetries + 1)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(initial, 2.0, Math.max(initial, maxRetryBackoff.toMillis())))
                .retryExceptions(RetriableException.class)
                .build());
    }

    /** Decodes an inbound value; every failure is classified, none thrown. */
    public Decoded decode(String topic, byte[] bytes) {
        return classified(() -> {
            TraffickingAlert alert = registryRetry.executeSupplier(() -> alerts.deserialize(topic, bytes));
            return alert == null ? new Decoded.Empty() : new Decoded.Alert(alert);
        });
    }

    /** Decodes a value of a responses topic; every failure is classified, none thrown. */
    public Decoded decodeResponse(String topic, byte[] bytes) {
        return classified(() -> {
            AlertResponse response = registryRetry.executeSupplier(() -> responses.deserialize(topic, bytes));
            return response == null ? new Decoded.Empty() : new Decoded.Response(response);
        });
    }

    private Decoded classified(java.util.function.Supplier<Decoded> decode) {
        try {
            return decode.get();
        } catch (RetriableException e) {
            return new Decoded.Failed(DeadLetter.RETRIES_EXHAUSTED, "not routed after " + (maxRetries + 1)
                    + " attempts: " + e.getMessage());
        } catch (UnknownSchemaIdException e) {
            return new Decoded.Failed(DeadLetter.UNKNOWN_SCHEMA, e.getMessage());
        } catch (WrongSchemaTypeException e) {
            return new Decoded.Failed(DeadLetter.WRONG_TYPE, e.getMessage());
        } catch (SerializationException e) {
            // UnknownMagicByteException and every other bad byte sequence: not an alert.
            return new Decoded.Failed(DeadLetter.UNDECODABLE, e.getMessage());
        }
    }

    /** An alert version as a feed gets it when it differs from what was published (inherited markings, a retraction). */
    public byte[] encodeAlert(String feedTopic, TraffickingAlert alert) {
        return released.serialize(feedTopic, alert);
    }

    /** A response as an inbox gets it (under its effective markings). */
    public byte[] encodeResponse(String inboxTopic, AlertResponse response) {
        return releasedResponses.serialize(inboxTopic, response);
    }

    public byte[] encodeDecision(RoutingDecision decision) {
        return decisions.serialize(Topics.AUDIT, decision);
    }

    /** The routed version for the correlator: the alert as published and the decision on it. */
    public byte[] encodeRouted(TraffickingAlert alert, RoutingDecision decision) {
        return routedVersions.serialize(Topics.ROUTED_VERSIONS, new org.corridor.schemas.avro.RoutedVersion(alert, decision));
    }
}
