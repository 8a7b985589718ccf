package org.corridor.producer.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.corridor.producer.publish.AlertPublisher;
import org.corridor.producer.publish.PublishException;
import org.corridor.producer.publish.PublishResult;
import org.corridor.producer.publish.ResponsePublisher;
import org.corridor.producer.publish.UnknownAlertException;
import org.corridor.producer.status.ReleasedMarkings;
import org.corridor.producer.status.AlertStatusView;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.ResponseJson;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.InvalidRecordException;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.schemas.validation.Violation;
import org.corridor.support.thread.InboxReader;
import org.corridor.support.thread.ResponseDraft;
import org.corridor.support.thread.Sent;

/**
 * An agency's side of the return channel over HTTP. An agency responds only to its own alerts, as the status view
 * knows them (another agency's alert is answered like an unknown one); the response, completed and validated
 * ({@link ResponseDraft}), goes to the agency's own responses topic through the publisher library's
 * {@link ResponsePublisher}, authenticated as the agency, and is answered once the broker took it. The router decides again and is the authority. The thread is read
 * from the agency's own inbox, as the agency ({@link InboxReader}). A re-share decision must answer a request in
 * that thread; an approval first publishes the next version of the alert, released for exactly the approved bodies
 * ({@link Reshare}), then the decision. Thread-safe.
 */
final class AgencyResponses implements AutoCloseable {

    /** What became of a posted response, or of a read of the thread. */
    sealed interface Outcome {

        /** @param released the version an approved re-share published, or null */
        record Published(AlertResponse response, RecordMetadata at, PublishResult released) implements Outcome {
        }

        /** Invalid (400) or, when {@code forbidden}, naming another responder (403). */
        record Invalid(List<Violation> violations, boolean forbidden) implements Outcome {
        }

        /** Refused as things stand (409): a request decided already, an alert that cannot be released again. */
        record Conflict(String why) implements Outcome {
        }

        /** Not one of the agency's routed alerts (404: another agency's is not told apart). */
        record Unknown() implements Outcome {
        }

        record NotYet(String why) implements Outcome {
        }

        record Held(InboxReader.Read thread) implements Outcome {
        }
    }

    private final AlertStatusView statuses;
    private final ResponseValidator validator;
    private final Function<String, ResponsePublisher> publisherFactory;
    private final Map<String, ResponsePublisher> publishers = new ConcurrentHashMap<>();
    private final Function<String, InboxReader> inboxes;
    private final Function<String, AlertPublisher> alerts;
    private final Duration sendTimeout;
    private final Clock clock;

    /**
     * @param publisherFactory a publisher authenticated as the agency, built the first time the agency responds
     * @param inboxes          a reader of the agency's inbox, as the agency
     */
    AgencyResponses(AlertStatusView statuses, ResponseValidator validator, Function<String, ResponsePublisher> publisherFactory,
                    Function<String, InboxReader> inboxes, Function<String, AlertPublisher> alerts, Duration sendTimeout,
                    Clock clock) {
        this.alerts = alerts;
        this.statuses = statuses;
        this.validator = validator;
        this.publisherFactory = publisherFactory;
        this.inboxes = inboxes;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    Outcome respond(String agency, UUID alertId, String json, String idempotencyKey) {
        ResponseJson.Read read = ResponseJson.read(json);
        if (!read.ok()) {
            return new Outcome.Invalid(read.violations(), false);
        }
        Optional<Integer> latest = latestVersion(agency, alertId);
        if (latest.isEmpty()) {
            return new Outcome.Unknown();
        }
        int asked = read.response().getAlertVersion();
        if (asked > latest.get()) {
            return new Outcome.Invalid(List.of(new Violation("alertVersion", asked + " of alert " + alertId
                    + " was not routed; the latest routed is " + latest.get())), false);
        }
        ResponseDraft.Checked checked = ResponseDraft.complete(read, new Topics.Party(false, agency), agency, alertId,
                asked > 0 ? asked : latest.get(), idempotencyKey, validator, clock);
        if (!checked.ok()) {
            return new Outcome.Invalid(checked.violations(), checked.forbidden());
        }
        AlertResponse response = checked.response();
        try {
            PublishResult released = null;
            if (response.getKind() == ResponseKind.RESHARE_DECISION) {
                Reshare.Checked decided = Reshare.check(response,
                        inboxes.apply(agency).read(Topics.agencyInbox(agency), agency + "/" + alertId).responses());
                if (decided.conflict() != null) {
                    return new Outcome.Conflict(decided.conflict());
                }
                if (!decided.violations().isEmpty()) {
                    return new Outcome.Invalid(decided.violations(), false);
                }
                if (Boolean.TRUE.equals(response.getReshareApproved())) {
                    released = release(agency, alertId, response);
                }
            }
            Sent sent = Sent.await(publishers.computeIfAbsent(agency, publisherFactory).respond(response), sendTimeout);
            return sent instanceof Sent.Taken taken ? new Outcome.Published(response, taken.at(), released)
                    : new Outcome.NotYet(((Sent.NotTaken) sent).why());
        } catch (Reshare.CannotRelease e) {
            return new Outcome.Conflict(e.getMessage());
        } catch (IllegalStateException e) {
            return new Outcome.NotYet(e.getMessage());
        } catch (UnknownAlertException e) {
            return new Outcome.Unknown();
        } catch (InvalidRecordException e) {
            // The widened version broke a rule of the contract: say which, publish nothing.
            return new Outcome.Invalid(e.violations().stream().map(v -> new Violation("released." + v.path(), v.message()))
                    .toList(), false);
        } catch (KafkaException | PublishException | ExecutionException | TimeoutException e) {
            // The registry, the broker or the log did not answer: nothing is lost, the same request may succeed later.
            return new Outcome.NotYet("not written now: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.NotYet("interrupted");
        }
    }

    /**
     * Publishes the next version of the alert under the latest version's released markings, widened for the approved
     * bodies ({@link Reshare#widen}), unless they hold it already (an approval repeated after its version was
     * published but its decision was not).
     *
     * @return the version published, or null when the bodies hold the alert already
     * @throws IllegalStateException     when the latest version is not routed yet (try again)
     * @throws Reshare.CannotRelease     when the alert cannot be released again (a retraction, an unknown H3 text)
     */
    private PublishResult release(String agency, UUID alertId, AlertResponse approval)
            throws ExecutionException, TimeoutException, InterruptedException {
        ReleasedMarkings markings = statuses.released(agency, alertId.toString()).orElseThrow(() ->
                new IllegalStateException("the markings alert " + alertId + " was released under are not known yet"));
        if (Reshare.holds(markings, approval.getReshareBodies())) {
            return null;
        }
        return alerts.apply(agency).release(agency, alertId, latest -> {
            if (latest.getLifecycle() == Lifecycle.RETRACTION) {
                throw new Reshare.CannotRelease("alert " + alertId + " is retracted: there is nothing to release again");
            }
            if (latest.getVersion() != markings.version()) {
                throw new IllegalStateException("version " + latest.getVersion() + " of alert " + alertId
                        + " is not routed yet; approve again once it is");
            }
            return TraffickingAlert.newBuilder(latest)
                    .setHandling(Reshare.widen(markings, latest.getHandling(), approval.getReshareBodies())).build();
        }, UUID.randomUUID().toString()).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Outcome thread(String agency, UUID alertId) {
        if (latestVersion(agency, alertId).isEmpty()) {
            return new Outcome.Unknown();
        }
        try {
            return new Outcome.Held(inboxes.apply(agency).read(Topics.agencyInbox(agency), agency + "/" + alertId));
        } catch (KafkaException e) {
            return new Outcome.NotYet("the inbox could not be read now: " + e.getMessage());
        }
    }

    private Optional<Integer> latestVersion(String agency, UUID alertId) {
        return statuses.status(agency, alertId.toString()).map(s -> s.path("latestVersion").asInt(0)).filter(v -> v > 0);
    }

    @Override
    public void close() {
        publishers.values().forEach(ResponsePublisher::close);
    }
}
