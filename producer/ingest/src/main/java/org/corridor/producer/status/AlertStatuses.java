package org.corridor.producer.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.state.StateStore;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status of every alert read, built from decisions and receipts in any order and kept in a {@link StateStore}
 * (keys {@code status/<agency>/<alert id>}), so nothing per alert stays in the heap. An alert is its origin agency's
 * alert id: another agency's alert with the same id is another status, and a receipt applies to the alert of the
 * agency it names. A receipt written before receipts named the agency applies to the first agency whose decision for
 * that id was read ({@code first/<alert id>}), as it did when statuses were kept by id alone. Receipts read before
 * their decision wait in {@link EarlyReceipts}.
 * <p>
 * Applying a record again (the view resumes from a checkpoint older than its last writes after a crash) changes
 * nothing: each status remembers the position of the records applied to it. One thread applies, any thread reads.
 */
final class AlertStatuses {

    /** The format of everything this view keeps in its store. */
    static final String FORMAT = StatusCodec.FORMAT + "+" + EarlyReceipts.FORMAT;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String STATUS = "status/";
    private static final String FIRST_AGENCY = "first/";
    /**
     * Open questions by due time: {@code due/<13 digits of epoch millis>/<agency>/<alert id>/<question id>/<body>},
     * value the priority; what {@link QuestionWatcher} scans, in order, up to now.
     */
    static final String DUE = "due/";

    private final StateStore store;
    private final EarlyReceipts early;
    private final QuestionDue dues;
    private final Clock clock;

    AlertStatuses(StateStore store) {
        this(store, QuestionDue.DEFAULTS, Clock.systemUTC());
    }

    AlertStatuses(StateStore store, QuestionDue dues, Clock clock) {
        this.store = store;
        this.early = new EarlyReceipts(store);
        this.dues = dues;
        this.clock = clock;
    }

    /** The index key of a due question. */
    static String dueKey(Instant due, String agency, String alertId, String questionId, String body) {
        return DUE + String.format("%013d", Math.max(0, due.toEpochMilli())) + "/" + agency + "/" + alertId + "/"
                + questionId + "/" + body;
    }

    /** Whether the body's question on the agency's alert is still open (no answer closed it). */
    boolean open(String agency, String alertId, String body, String questionId) {
        AlertStatus status = load(agency, alertId);
        AlertStatus.BodyState s = status == null ? null : status.bodies.get(body);
        return s != null && s.openQuestions.containsKey(questionId);
    }

    /** The latest routed version of the agency's alert (0 when unknown). */
    int latestVersion(String agency, String alertId) {
        AlertStatus status = load(agency, alertId);
        return status == null ? 0 : status.latestVersion;
    }

    /** Hands every alert's status to {@code each}, in key order, until it returns false. */
    void forEach(java.util.function.Predicate<AlertStatus> each) {
        store.scan(STATUS, (key, value) -> each.test(StatusCodec.decode(value)));
    }

    /** The status of the agency's alert, as JSON; empty for another agency's alert with that id, as for an unknown one. */
    public Optional<ObjectNode> status(String agencyId, String alertId) {
        AlertStatus status = load(agencyId, alertId);
        return status == null ? Optional.empty() : Optional.of(status.toJson(JSON, clock.instant()));
    }

    /**
     * The agency's alerts as {@link #status} shows each, the most recently routed first, at most {@code limit}. A scan of
     * the agency's statuses in the store (its keys are together), not of the others'.
     */
    public List<ObjectNode> statuses(String agencyId, int limit) {
        List<AlertStatus> all = new ArrayList<>();
        store.scan(STATUS + agencyId + "/", (key, value) -> {
            all.add(StatusCodec.decode(value));
            return true;
        });
        Instant now = clock.instant();
        return all.stream().sorted(Comparator.comparing(AlertStatuses::lastRouted, Comparator.reverseOrder())
                        .thenComparing(st -> st.alertId))
                .limit(limit).map(st -> st.toJson(JSON, now)).toList();
    }

    private static Instant lastRouted(AlertStatus s) {
        return s.bodies.values().stream().map(b -> b.routedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    /** The markings the agency's alert's latest routed version was released under, if known. */
    public Optional<ReleasedMarkings> released(String agencyId, String alertId) {
        AlertStatus status = load(agencyId, alertId);
        return status == null ? Optional.empty() : Optional.ofNullable(status.released);
    }

    /** Applies a decision read at that position, then any receipts of its alert that came first. */
    void apply(RoutingDecision d, TopicPartition at, long offset) {
        String alertId = d.getAlertId().toString();
        String agency = d.getOriginAgency();
        store.update(FIRST_AGENCY + alertId, first -> first != null ? first : agency.getBytes(StandardCharsets.UTF_8));
        AlertStatus status = load(agency, alertId);
        if (status == null) {
            status = new AlertStatus(alertId, agency);
        }
        if (status.firstTime(partition(at), offset)) {
            List<AlertStatus.QuestionChange> changes = status.decide(d, dues);
            save(status);
            for (AlertStatus.QuestionChange q : changes) {
                String key = dueKey(q.due(), agency, alertId, q.questionId(), q.body());
                if (q.opened()) {
                    store.put(key, (q.priority() == null ? "" : q.priority()).getBytes(StandardCharsets.UTF_8));
                } else {
                    store.delete(key);
                }
            }
        }
        // Even for a decision read again: a crash may have come between saving the status and applying these.
        List<EarlyReceipts.Early> waiting = new ArrayList<>(early.waiting(agency, alertId));
        waiting.addAll(early.waiting(null, alertId));
        if (!waiting.isEmpty()) {
            // In the order they were read, so each status sees the records of a partition in offset order.
            waiting.sort(Comparator.comparing(EarlyReceipts.Early::partition).thenComparingLong(EarlyReceipts.Early::offset));
            for (EarlyReceipts.Early e : waiting) {
                apply(e.receipt(), e.partition(), e.offset());
            }
            early.remove(agency, alertId);
            early.remove(null, alertId);
        }
    }

    /** Applies a receipt read at that position, or keeps it until its decision comes. */
    void apply(DeliveryReceipt r, TopicPartition at, long offset) {
        apply(r, partition(at), offset);
    }

    private void apply(DeliveryReceipt r, String partition, long offset) {
        String id = r.getAlertId().toString();
        String agency = r.getOriginAgency() != null ? r.getOriginAgency() : firstAgency(id);
        AlertStatus status = agency == null ? null : load(agency, id);
        if (status == null) {
            // A receipt read before its decision (another topic): keep it until the decision arrives.
            early.add(r.getOriginAgency(), id, new EarlyReceipts.Early(partition, offset, r));
            return;
        }
        if (status.firstTime(partition, offset)) {
            status.receive(r);
            save(status);
        }
    }

    private String firstAgency(String alertId) {
        byte[] agency = store.get(FIRST_AGENCY + alertId);
        return agency == null ? null : new String(agency, StandardCharsets.UTF_8);
    }

    private AlertStatus load(String agency, String alertId) {
        byte[] v = store.get(STATUS + agency + "/" + alertId);
        return v == null ? null : StatusCodec.decode(v);
    }

    private void save(AlertStatus status) {
        store.put(STATUS + status.originAgency + "/" + status.alertId, StatusCodec.encode(status));
    }

    private static String partition(TopicPartition tp) {
        return tp.topic() + "/" + tp.partition();
    }
}
