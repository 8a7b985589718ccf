package org.corridor.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.json.ResponseJson;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.schemas.validation.Violation;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.thread.InboxReader;
import org.corridor.support.thread.ResponseDraft;
import org.corridor.support.thread.Sent;

/**
 * A body's side of the return channel over HTTP. A body responds only to a version this subscriber delivered to it
 * ({@link DeliveryChecks}, as for acknowledgements); the response, completed and validated ({@link ResponseDraft}), is
 * written to the body's own responses topic by a producer that authenticates as the body, and answered once the broker
 * took it. The router decides again, from what it routed, and is the authority: this only answers the caller early.
 * The thread is read from the body's own inbox, as the body ({@link InboxReader}). Thread-safe.
 */
final class BodyResponses implements AutoCloseable {

    /** What became of a posted response. */
    sealed interface Outcome {

        /** On the broker. */
        record Published(AlertResponse response, RecordMetadata at) implements Outcome {
        }

        /** Invalid (400) or, when {@code forbidden}, naming another responder (403). */
        record Invalid(List<Violation> violations, boolean forbidden) implements Outcome {
        }

        /** The body does not hold that alert (version): not entitled. */
        record Refused(DeliveredAlerts.Check why) implements Outcome {
        }

        /** Not decided or not written now; the same request may succeed later. */
        record NotYet(String why) implements Outcome {
        }

        /** The thread the body may see. */
        record Held(InboxReader.Read thread) implements Outcome {
        }
    }

    private final DeliveryChecks checks;
    private final ResponseValidator validator;
    private final Function<String, Producer<String, byte[]>> producerFactory;
    private final Map<String, Producer<String, byte[]>> producers = new ConcurrentHashMap<>();
    private final AvroSerializer<AlertResponse> writer;
    private final Function<String, InboxReader> inboxes;
    private final Duration sendTimeout;
    private final Clock clock;

    /**
     * @param producerFactory a producer authenticated as the body, built the first time the body responds
     * @param inboxes         a reader of the body's inbox, as the body
     */
    BodyResponses(DeliveryChecks checks, ResponseValidator validator, Function<String, Producer<String, byte[]>> producerFactory,
                  AvroSerializer<AlertResponse> writer, Function<String, InboxReader> inboxes, Duration sendTimeout, Clock clock) {
        this.checks = checks;
        this.validator = validator;
        this.producerFactory = producerFactory;
        this.writer = writer;
        this.inboxes = inboxes;
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    /**
     * @param agency         the alert's origin agency as the body names it (needed only when ambiguous), or null
     * @param idempotencyKey the request's Idempotency-Key, or null
     */
    Outcome respond(String body, UUID alertId, String agency, String json, String idempotencyKey) {
        ResponseJson.Read read = ResponseJson.read(json);
        if (!read.ok()) {
            return new Outcome.Invalid(read.violations(), false);
        }
        AlertResponse draft = read.response();
        String named = agency != null ? agency : draft.getAlertAgency();
        Integer version = draft.getAlertVersion() > 0 ? draft.getAlertVersion() : null;
        DeliveryChecks.Result result = checks.check(body, alertId, named, version);
        if (result instanceof DeliveryChecks.Result.NotYet notYet) {
            return new Outcome.NotYet(notYet.why());
        }
        DeliveredAlerts.Check check = ((DeliveryChecks.Result.Known) result).check();
        if (!(check instanceof DeliveredAlerts.Check.Delivered ok)) {
            return new Outcome.Refused(check);
        }
        String originator = ok.agency() != null ? ok.agency() : named;
        if (originator == null) {
            return new Outcome.Invalid(List.of(new Violation("alertAgency", "required: the deliveries of alert " + alertId
                    + " do not name its agency")), false);
        }
        ResponseDraft.Checked checked = ResponseDraft.complete(read, new Topics.Party(true, body), originator, alertId,
                ok.version(), idempotencyKey, validator, clock);
        if (!checked.ok()) {
            return new Outcome.Invalid(checked.violations(), checked.forbidden());
        }
        AlertResponse response = checked.response();
        String topic = Topics.bodyResponses(body);
        String key = originator + "/" + alertId;
        Sent sent;
        try {
            sent = Sent.await(producers.computeIfAbsent(body, producerFactory)
                    .send(new ProducerRecord<>(topic, key, writer.serialize(topic, response))), sendTimeout);
        } catch (KafkaException e) {
            // The registry or the broker did not take it (a SerializationException when the registry is down).
            return new Outcome.NotYet("not written now: " + e);
        }
        return sent instanceof Sent.Taken taken ? new Outcome.Published(response, taken.at())
                : new Outcome.NotYet(((Sent.NotTaken) sent).why());
    }

    /**
     * The thread of an alert as the body may see it: the responses on its inbox, after the same check as a response
     * (a body reads only the thread of an alert it holds).
     *
     * @return {@link Outcome.Held}, or the outcome that refuses it
     */
    Outcome thread(String body, UUID alertId, String agency) {
        DeliveryChecks.Result result = checks.check(body, alertId, agency, null);
        if (result instanceof DeliveryChecks.Result.NotYet notYet) {
            return new Outcome.NotYet(notYet.why());
        }
        DeliveredAlerts.Check check = ((DeliveryChecks.Result.Known) result).check();
        if (!(check instanceof DeliveredAlerts.Check.Delivered ok)) {
            return new Outcome.Refused(check);
        }
        String originator = ok.agency() != null ? ok.agency() : agency;
        if (originator == null) {
            return new Outcome.Invalid(List.of(new Violation("agency", "required: the deliveries of alert " + alertId
                    + " do not name its agency")), false);
        }
        return new Outcome.Held(inboxes.apply(body).read(Topics.bodyInbox(body), originator + "/" + alertId));
    }

    @Override
    public void close() {
        producers.values().forEach(p -> p.close(Duration.ofSeconds(5)));
    }
}
