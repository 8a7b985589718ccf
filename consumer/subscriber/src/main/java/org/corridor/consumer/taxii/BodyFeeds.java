package org.corridor.consumer.taxii;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.PartyTopicReader;
import org.corridor.support.kafka.PartyTopicReader.Snapshot;

/**
 * A snapshot of a body's feed topic read with the body's own principal ({@link TaxiiAccess}): what the MISP feed and
 * the feed's JSON view are built from. Thread-safe: one consumer per read.
 */
public final class BodyFeeds {

    private final TaxiiAccess access;
    private final SchemaRegistryClient registry;

    public BodyFeeds(TaxiiAccess access, SchemaRegistryClient registry) {
        this.access = access;
        this.registry = registry;
    }

    /**
     * The answer built from the body's feed, or 404 when this subscriber does not serve the body, or 503 with
     * {@code Retry-After} when the broker cannot be reached now.
     */
    public org.springframework.http.ResponseEntity<?> answer(String body,
            java.util.function.Function<Snapshot<TraffickingAlert>, org.springframework.http.ResponseEntity<?>> build) {
        Optional<Snapshot<TraffickingAlert>> read;
        try {
            read = read(body);
        } catch (KafkaException e) {
            return problem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "the feed could not be read now: "
                    + e.getMessage(), true);
        }
        return read.isEmpty() ? problem(org.springframework.http.HttpStatus.NOT_FOUND, body + "'s feed is not served here", false)
                : build.apply(read.get());
    }

    private static org.springframework.http.ResponseEntity<?> problem(org.springframework.http.HttpStatus status,
                                                                      String detail, boolean retry) {
        var r = org.springframework.http.ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        if (retry) {
            r.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        }
        return r.body(org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * The feed's records up to its committed end, or empty when this subscriber does not serve the body.
     *
     * @throws KafkaException when the broker cannot be reached within 20 s (answer 503)
     */
    public Optional<Snapshot<TraffickingAlert>> read(String body) {
        Optional<Map<String, Object>> settings = access.readerOf(body);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PartyTopicReader<>(settings.get(), org.corridor.support.serde.Serdes.reader(registry,
                TraffickingAlert.class), Duration.ofSeconds(20)).snapshot(Topics.feed(body), null));
    }
}
