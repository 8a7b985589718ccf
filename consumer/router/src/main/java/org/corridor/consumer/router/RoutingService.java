package org.corridor.consumer.router;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.corridor.consumer.audit.AuditChains;
import org.corridor.consumer.decision.AuditRecord;
import org.corridor.consumer.decision.DeadLetter;
import org.corridor.consumer.decision.Decoded;
import org.corridor.consumer.decision.ResponseOutcome;
import org.corridor.consumer.decision.ResponseTriage;
import org.corridor.consumer.decision.History;
import org.corridor.consumer.decision.Outcome;
import org.corridor.consumer.decision.Triage;
import org.corridor.consumer.metrics.RouterMetrics;
import org.corridor.consumer.policy.Decision;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.topics.Headers;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.DeadLetterSummary;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Routes inbound records inside the listener's Kafka transaction. It only adapts records to the pure {@link Triage}
 * (decoded by {@link AlertCodec}) and writes what it decides: the feed records (the inbound bytes, or the version
 * re-encoded with its inherited markings, or without content for a retraction), the audit decision and the id's
 * history record, or the dead letter with the record's bytes and the reason, in the same transaction, so no record
 * blocks the others. Responses (the return channel) are decided by the pure {@link ResponseTriage} against the same
 * history and written the same way: each inbox that gets the response, and the audit decision. Each decision goes to the audit partition {@link AuditChains} gives it and names the decision
 * before it there. A failure of Kafka itself rolls the batch back; {@link TransactionalRouting} decides what happens
 * next.
 */
public final class RoutingService {

    /** How long a response to a version not yet seen here waits for the recipients store, once per batch. */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final AlertCodec codec;
    private final Triage triage;
    private final ResponseTriage responses;
    private final RecipientsStore recipients;
    private final KafkaOperations<String, byte[]> kafka;
    private final RouterMetrics metrics;
    private final String instanceId;
    private final Clock clock;

    public RoutingService(AlertCodec codec, Triage triage, ResponseTriage responses, RecipientsStore recipients,
                          KafkaOperations<String, byte[]> kafka, RouterMetrics metrics, String instanceId, Clock clock) {
        this.codec = codec;
        this.triage = triage;
        this.responses = responses;
        this.recipients = recipients;
        this.kafka = kafka;
        this.metrics = metrics;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    /**
     * Routes a batch in the caller's transaction. What was decided earlier in the same batch counts as history, so a
     * correction that arrives with its original still follows it; each decision names the one before it on its audit
     * partition, provisionally in {@code audit} until the commit.
     *
     * @return what to do once the transaction committed (the audit chain heads, the store and the meters); the
     *         caller runs it then, and only then: the Kafka transaction manager runs no synchronizations, and an
     *         attempt that rolls back must leave no history behind, or its retry would find its own versions already
     *         routed, and no chain head, or the next decision would name one that was never committed
     * @throws org.corridor.consumer.audit.AuditChainBusyException  when an audit partition's head cannot be read yet
     * @throws org.corridor.consumer.audit.AuditNotOwnedException   when this instance may write no audit partition
     */
    public Runnable routeBatch(List<ConsumerRecord<String, byte[]>> records, AuditChains.Batch audit) {
        Map<String, History> batch = new HashMap<>();
        List<Runnable> onCommit = new ArrayList<>();
        onCommit.add(audit::committed);
        boolean caughtUp = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            Topics.Party party = Topics.responderOf(record.topic());
            if (party == null) {
                route(record, batch, audit, onCommit);
            } else {
                caughtUp = respond(record, party, batch, audit, onCommit, caughtUp);
            }
        }
        return () -> onCommit.forEach(Runnable::run);
    }

    /**
     * Routes one response. A response to a version this instance has not seen routed (another instance routed it a
     * moment ago) waits, once per batch, until the recipients store has read what was committed, then is decided.
     *
     * @return whether the store was caught up for this batch
     */
    private boolean respond(ConsumerRecord<String, byte[]> record, Topics.Party party, Map<String, History> batch,
                            AuditChains.Batch audit, List<Runnable> onCommit, boolean caughtUp) {
        ResponseOutcome outcome;
        try {
            Decoded decoded = codec.decodeResponse(record.topic(), record.value());
            History history = decoded instanceof Decoded.Response r ? historyOf(r.response().getAlertId().toString(), batch) : History.NONE;
            if (!caughtUp && decoded instanceof Decoded.Response r && history.released(r.response().getAlertVersion()) == null) {
                caughtUp = true;
                try {
                    recipients.catchUp(CATCH_UP);
                } catch (RuntimeException slow) {
                    // Never a refusal for want of reading: the batch is retried, and given back if it stays so.
                    throw new org.apache.kafka.common.errors.TimeoutException("the recipients store did not read what was"
                            + " committed within " + CATCH_UP + " (a response to a version routed a moment ago waits for it)", slow);
                }
                history = historyOf(r.response().getAlertId().toString(), batch);
            }
            outcome = responses.decide(party, record.key(), decoded, history);
        } catch (org.apache.kafka.common.errors.TimeoutException notRead) {
            throw notRead;
        } catch (RuntimeException e) {
            outcome = new DeadLetter(DeadLetter.ROUTING_FAILED, "handling the response failed: " + e);
        }
        if (outcome instanceof DeadLetter why) {
            onCommit.add(deadLetter(record, why));
        } else {
            onCommit.add(writeResponse(record, (ResponseOutcome.Routed) outcome, audit));
        }
        return caughtUp;
    }

    private History historyOf(String alertId, Map<String, History> batch) {
        History known = batch.get(alertId);
        return known != null ? known : recipients.history(alertId);
    }

    private Runnable writeResponse(ConsumerRecord<String, byte[]> record, ResponseOutcome.Routed routed,
                                   AuditChains.Batch audit) {
        String traceId = header(record, Headers.TRACE_ID);
        List<Header> headers = List.of(header(Headers.ORIGIN_AGENCY, routed.originAgency()),
                header(Headers.TRACE_ID, Headers.isValidTraceId(traceId) ? traceId : UUID.randomUUID().toString()),
                header(Headers.TLP, routed.markings().effective().tlp().name()));
        java.util.Set<Topics.Party> inboxes = new java.util.LinkedHashSet<>();
        inboxes.add(new Topics.Party(false, routed.originAgency()));
        routed.bodies().forEach(body -> inboxes.add(new Topics.Party(true, body)));
        // The responder's own inbox holds its responses too: each party's inbox is its whole thread.
        inboxes.add(routed.responder());
        for (Topics.Party inbox : inboxes) {
            kafka.send(new ProducerRecord<>(inbox.inbox(), null, record.timestamp(), record.key(),
                    codec.encodeResponse(inbox.inbox(), routed.releasedTo(inbox)), headers));
        }
        int auditPartition = audit.partitionFor(record.partition());
        byte[] decisionBytes = codec.encodeDecision(AuditRecord.of(routed, clock.instant(), instanceId,
                audit.previous(auditPartition)));
        kafka.send(new ProducerRecord<>(Topics.AUDIT, auditPartition, routed.response().getAlertId().toString(), decisionBytes));
        audit.appended(auditPartition, decisionBytes);
        return () -> {
            metrics.response(routed.response().getKind().name(), routed.bodies().size());
        };
    }

    private void route(ConsumerRecord<String, byte[]> record, Map<String, History> batch, AuditChains.Batch audit,
                       List<Runnable> onCommit) {
        Outcome outcome;
        try {
            outcome = triage.accept(Topics.agencyOf(record.topic()), record.key(), codec.decode(record.topic(), record.value()));
            if (outcome instanceof Outcome.Accepted accepted) {
                outcome = triage.decide(accepted.alert(), historyOf(record.key(), batch));
            }
        } catch (RuntimeException e) {
            // Whatever one record does to the decoder or the decision, it is that record's dead letter, never the
            // batch's failure: retrying the same bytes would fail the same way and stop every agency's alerts.
            outcome = new DeadLetter(DeadLetter.ROUTING_FAILED, "handling the record failed: " + e);
        }
        if (outcome instanceof DeadLetter why) {
            onCommit.add(deadLetter(record, why));
            return;
        }
        Outcome.Routed routed = (Outcome.Routed) outcome;
        onCommit.add(write(record, routed, audit));
        batch.put(record.key(), routed.history());
    }

    private Runnable write(ConsumerRecord<String, byte[]> record, Outcome.Routed routed, AuditChains.Batch audit) {
        TraffickingAlert alert = routed.alert();
        Decision decision = routed.decision();
        String traceId = header(record, Headers.TRACE_ID);
        String id = alert.getAlertId().toString();
        TraffickingAlert released = routed.releasedAsPublished() ? alert : routed.released();
        // The same for every copy, built once: one trace id per alert version (a replacement for an invalid one is
        // the same in every feed, so the copies can still be followed together).
        Header origin = header(Headers.ORIGIN_AGENCY, alert.getOriginAgency().getAgencyId());
        Header trace = header(Headers.TRACE_ID, Headers.isValidTraceId(traceId) ? traceId : UUID.randomUUID().toString());
        Header tlp = header(Headers.TLP, released.getHandling().getTlp().name());
        for (String body : decision.recipients()) {
            String feed = Topics.feed(body);
            byte[] value = routed.releasedAsPublished() ? record.value() : codec.encodeAlert(feed, released);
            // The feed record keeps the publication time, so subscribers can measure end-to-end latency.
            kafka.send(new ProducerRecord<>(feed, null, record.timestamp(), id, value, List.of(origin, trace, tlp,
                    header(Headers.MATCHED_RULES, String.join(",", decision.rulesFor(body))))));
        }
        // Outside the per-record catch above: a chain head that cannot be read is the batch's to retry, not a dead letter.
        int auditPartition = audit.partitionFor(record.partition());
        RoutingDecision auditRecord = audit(routed, audit.previous(auditPartition));
        byte[] decisionBytes = codec.encodeDecision(auditRecord);
        kafka.send(new ProducerRecord<>(Topics.AUDIT, auditPartition, id, decisionBytes));
        audit.appended(auditPartition, decisionBytes);
        // The correlator's input: the version as published with its decision, keyed by its ref so that every version
        // of an alert is in one partition; stamped with the router's clock, never the publisher's.
        kafka.send(new ProducerRecord<>(Topics.ROUTED_VERSIONS, alert.getOriginAgency().getAgencyId() + "/" + id,
                codec.encodeRouted(alert, auditRecord)));
        // Always, even when nobody receives this version: the owner and the version must be known for the next one.
        kafka.send(Topics.RECIPIENTS, id, HistoryCodec.encode(routed.history()));
        return () -> {
            recipients.committed(id, routed.history());
            decision.recipients().forEach(metrics::routed);
            decision.withheld().stream().filter(w -> w.reason() != WithholdReason.NOT_CONCERNED)
                    .forEach(w -> metrics.withheld(w.reason().name()));
            metrics.latency(Duration.between(Instant.ofEpochMilli(record.timestamp()), clock.instant()));
        };
    }

    private RoutingDecision audit(Outcome.Routed routed, String previousDecisionSha256) {
        return AuditRecord.of(routed, clock.instant(), instanceId, previousDecisionSha256);
    }

    /**
     * Sends the record's original bytes to the dead-letter topic with the reason and where it came from.
     *
     * @return what to do once the transaction committed (the metric)
     */
    public Runnable deadLetter(ConsumerRecord<String, byte[]> record, DeadLetter why) {
        List<Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        headers.add(header(Headers.DLQ_REASON_CODE, why.code()));
        headers.add(header(Headers.DLQ_REASON, why.reason()));
        headers.add(header(Headers.DLQ_SOURCE_TOPIC, record.topic()));
        headers.add(header(Headers.DLQ_SOURCE_PARTITION, Integer.toString(record.partition())));
        headers.add(header(Headers.DLQ_SOURCE_OFFSET, Long.toString(record.offset())));
        kafka.send(new ProducerRecord<>(Topics.DEAD_LETTERS, null, record.key(), record.value(), headers));
        kafka.send(DeadLetterSummary.of(why.code(), why.reason(), record.topic(), record.partition(), record.offset()));
        return () -> metrics.deadLetter(why.code());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
