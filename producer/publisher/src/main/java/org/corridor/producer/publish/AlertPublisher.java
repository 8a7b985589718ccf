package org.corridor.producer.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.InvalidAlertException;

/**
 * Publishes alerts to {@code alerts.in.<agency-id>}, keyed by alert id, with an idempotent acks=all producer
 * (see {@link PublisherFactory}). Every alert is validated first; an invalid one throws {@link InvalidAlertException}
 * at once and nothing is sent. The returned future completes with the broker's acknowledgement, or exceptionally with
 * a {@link PublishException} that says whether a retry may help. Corrections and retractions take the next version
 * of the alert under the same key; versions of one alert are assigned one at a time, after the latest version in the
 * log (see {@link AlertHistory#latestFromLog}), and a version another publisher wrote first completes exceptionally
 * with a {@link VersionConflictException}. Thread-safe.
 */
public final class AlertPublisher implements AutoCloseable {

    private final Producer<String, TraffickingAlert> producer;
    private final AlertValidator validator;
    private final AlertHistory history;
    private final Clock clock;
    private final ReentrantLock[] versionLocks = new ReentrantLock[64];
    /** Checks against the log wait for the id index to catch up: never on the producer's I/O thread. */
    private final java.util.concurrent.ExecutorService confirmations = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "corridor-publisher-confirm");
        t.setDaemon(true);
        return t;
    });

    public AlertPublisher(Producer<String, TraffickingAlert> producer, AlertValidator validator, AlertHistory history,
                          Clock clock) {
        this.producer = Objects.requireNonNull(producer);
        this.validator = Objects.requireNonNull(validator);
        this.history = Objects.requireNonNull(history);
        this.clock = Objects.requireNonNull(clock);
        for (int i = 0; i < versionLocks.length; i++) {
            versionLocks[i] = new ReentrantLock();
        }
    }

    /** Publishes a new alert (lifecycle NEW, version 1) as it is. */
    public CompletableFuture<PublishResult> publish(TraffickingAlert alert) {
        return publish(alert, UUID.randomUUID().toString());
    }

    /** Publishes an alert version as it is, with the given trace id. */
    public CompletableFuture<PublishResult> publish(TraffickingAlert alert, String traceId) {
        validator.requireValid(alert);
        return send(alert, traceId);
    }

    /**
     * Publishes a new alert as it is, after checking that its agency has not published this alert id before.
     *
     * @throws org.corridor.schemas.validation.InvalidAlertException when the alert is invalid (checked first)
     * @throws AlertExistsException                                  when the agency already published this id
     */
    public CompletableFuture<PublishResult> publishNew(TraffickingAlert alert, String traceId) {
        validator.requireValid(alert);
        if (history.latest(alert.getOriginAgency().getAgencyId(), alert.getAlertId()).isPresent()) {
            throw new AlertExistsException(alert.getAlertId());
        }
        return confirmed(alert, send(alert, traceId));
    }

    /**
     * Publishes a correction: the given content as lifecycle UPDATE with the next version and a new reportedAt.
     *
     * @throws UnknownAlertException when the agency never published this alert
     */
    public CompletableFuture<PublishResult> update(TraffickingAlert corrected, String traceId) {
        String agency = corrected.getOriginAgency().getAgencyId();
        return nextVersion(agency, corrected.getAlertId(), latest -> TraffickingAlert.newBuilder(corrected)
                .setLifecycle(Lifecycle.UPDATE).setRetractionReason(null), traceId);
    }

    /**
     * Retracts an alert: its latest content as lifecycle RETRACTION with the reason and the next version.
     *
     * @throws UnknownAlertException when the agency never published this alert
     */
    public CompletableFuture<PublishResult> retract(String agencyId, UUID alertId, String reason, String traceId) {
        return nextVersion(agencyId, alertId, latest -> TraffickingAlert.newBuilder(latest)
                .setLifecycle(Lifecycle.RETRACTION).setRetractionReason(reason), traceId);
    }

    /**
     * Publishes the latest content again as the next version (lifecycle UPDATE) under other markings: how the
     * originator releases an alert to more bodies (an approved re-share, docs/return-channel.md).
     *
     * @param markings the new markings from the latest version's; it may refuse (IllegalStateException) a latest
     *                 version that cannot be released again, such as a retraction
     * @throws UnknownAlertException when the agency never published this alert
     */
    public CompletableFuture<PublishResult> release(String agencyId, UUID alertId,
                                                    java.util.function.UnaryOperator<TraffickingAlert> markings, String traceId) {
        return nextVersion(agencyId, alertId, latest -> TraffickingAlert.newBuilder(markings.apply(latest))
                .setLifecycle(Lifecycle.UPDATE).setRetractionReason(null), traceId);
    }

    /** The latest version the agency published of an alert, if any. */
    public java.util.Optional<TraffickingAlert> latest(String agencyId, UUID alertId) {
        return history.latest(agencyId, alertId);
    }

    private CompletableFuture<PublishResult> nextVersion(String agencyId, UUID alertId,
                                                         java.util.function.Function<TraffickingAlert, TraffickingAlert.Builder> next,
                                                         String traceId) {
        ReentrantLock lock = versionLocks[Math.floorMod(alertId.hashCode(), versionLocks.length)];
        lock.lock();
        try {
            // From the log, not from this process's memory: another publisher may have numbered a version since.
            TraffickingAlert latest = latestFromLog(agencyId, alertId)
                    .orElseThrow(() -> new UnknownAlertException(agencyId, alertId));
            TraffickingAlert version = next.apply(latest)
                    .setVersion(latest.getVersion() + 1)
                    .setReportedAt(clock.instant())
                    .build();
            validator.requireValid(version);
            // Wait for the acknowledgement inside the lock, so the next version is numbered after this one.
            CompletableFuture<PublishResult> sent = confirmed(version, send(version, traceId));
            sent.exceptionally(e -> null).join();
            return sent;
        } finally {
            lock.unlock();
        }
    }

    private Optional<TraffickingAlert> latestFromLog(String agencyId, UUID alertId) {
        try {
            return history.latestFromLog(agencyId, alertId);
        } catch (IllegalStateException notCaughtUp) {
            throw new PublishException("could not read the versions of alert " + alertId + " from the log: "
                    + notCaughtUp.getMessage(), notCaughtUp, true);
        }
    }

    /**
     * Completes as the send did, unless another publisher wrote the same version first in the log: then with a
     * {@link VersionConflictException}, since the router will not route this record.
     */
    private CompletableFuture<PublishResult> confirmed(TraffickingAlert alert, CompletableFuture<PublishResult> sent) {
        return sent.thenApplyAsync(r -> {
            boolean first;
            try {
                first = history.firstOfItsVersion(alert, r.offset());
            } catch (IllegalStateException notCaughtUp) {
                throw new PublishException("alert " + alert.getAlertId() + " version " + alert.getVersion()
                        + " was written but could not be checked against the log: " + notCaughtUp.getMessage(), notCaughtUp, true);
            }
            if (!first) {
                throw new VersionConflictException(alert.getAlertId(), alert.getVersion(), r.partition(), r.offset());
            }
            return r;
        }, confirmations);
    }

    private CompletableFuture<PublishResult> send(TraffickingAlert alert, String traceId) {
        String topic = Topics.inbound(alert.getOriginAgency().getAgencyId());
        ProducerRecord<String, TraffickingAlert> record = new ProducerRecord<>(topic, null, alert.getAlertId().toString(),
                alert, List.of(
                        new RecordHeader(Headers.ORIGIN_AGENCY, alert.getOriginAgency().getAgencyId().getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader(Headers.TRACE_ID, traceId.getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        String what = "publishing alert " + alert.getAlertId() + " version " + alert.getVersion() + " to " + topic;
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(Failures.classify(what, error));
                } else {
                    history.published(alert);
                    result.complete(new PublishResult(alert.getAlertId(), alert.getVersion(), metadata.topic(),
                            metadata.partition(), metadata.offset()));
                }
            });
        } catch (RuntimeException error) {
            result.completeExceptionally(Failures.classify(what, error));
        }
        return result;
    }

    /** The underlying producer, for binding its metrics (Micrometer's KafkaClientMetrics). */
    public Producer<String, TraffickingAlert> kafkaProducer() {
        return producer;
    }

    /** Sends what is buffered and closes the producer. */
    @Override
    public void close() {
        producer.close();
        confirmations.shutdown();
        history.close();
    }
}
