package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.corridor.schemas.avro.ResponseRouting;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.support.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Questions past due and unanswered are escalated once each; an answer, or a due time not reached, keeps them quiet. */
class QuestionWatcherTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final TopicPartition AUDIT = new TopicPartition("alerts.audit", 0);

    private final StateStore store = StateStore.temporary("question-watcher-test");
    private final AlertStatuses statuses = new AlertStatuses(store);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID alert = UUID.randomUUID();
    private long offset;

    @AfterEach
    void close() {
        store.close();
    }

    private void read(String kind, String responderKind, String responder, UUID id, UUID inReplyTo, Instant dueAt, String priority) {
        statuses.apply(new RoutingDecision(alert, 1, "kz-customs", List.of(), List.of(), List.of(), AT, "router-1", null, null,
                null, new ResponseRouting(id, responderKind, responder, kind, inReplyTo, false, null, dueAt, priority)),
                AUDIT, offset++);
    }

    private QuestionWatcher at(Instant now, CompletableFuture<Void> ready) {
        return new QuestionWatcher(statuses, store, meters, Clock.fixed(now, ZoneOffset.UTC), ready);
    }

    private double escalations(String body, String priority) {
        var c = meters.find(QuestionWatcher.ESCALATIONS).tag("body", body).tag("priority", priority).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void anOverdueUnansweredQuestionIsEscalatedOnceAndAnAnsweredOneNever() {
        statuses.apply(new RoutingDecision(alert, 1, "kz-customs", List.of("CARICC", "UNODC"), List.of(), List.of(), AT,
                "router-1", null, null, null, null), AUDIT, offset++);
        UUID byDefault = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        read("QUESTION", "BODY", "CARICC", byDefault, null, null, "PRIORITY");            // due AT + 24 h
        read("QUESTION", "BODY", "UNODC", answered, null, AT.plusSeconds(7200), "URGENT"); // due AT + 2 h
        read("QUESTION", "BODY", "UNODC", open, null, AT.plusSeconds(10800), "URGENT");    // due AT + 3 h
        read("ANSWER", "AGENCY", "kz-customs", UUID.randomUUID(), answered, null, "URGENT");

        try (QuestionWatcher early = at(AT.plus(Duration.ofHours(30)), new CompletableFuture<>())) {
            assertThat(early.escalateOverdue()).as("before the view caught up").isZero();
        }

        List<QuestionWatcher.Overdue> told = new java.util.ArrayList<>();
        QuestionWatcher watcher = new QuestionWatcher(statuses, store, meters, Clock.fixed(AT.plus(Duration.ofHours(4)), ZoneOffset.UTC),
                CompletableFuture.completedFuture(null), told::add);
        assertThat(watcher.escalateOverdue()).isEqualTo(1);
        assertThat(escalations("UNODC", "URGENT")).isEqualTo(1);
        assertThat(told).as("what the service writes the ESCALATED receipt of")
                .containsExactly(new QuestionWatcher.Overdue("kz-customs", alert, 1, open, "UNODC", "URGENT"));
        assertThat(watcher.escalateOverdue()).as("once").isZero();
        assertThat(statuses.status("kz-customs", alert.toString()).orElseThrow().toString())
                .contains(open.toString()).doesNotContain(answered.toString());

        QuestionWatcher later = at(AT.plus(Duration.ofHours(25)), CompletableFuture.completedFuture(null));
        assertThat(later.escalateOverdue()).as("a new process looks at every overdue question once").isEqualTo(2);
        assertThat(escalations("CARICC", "PRIORITY")).isEqualTo(1);
        assertThat(escalations("UNODC", "URGENT")).isEqualTo(2);
        watcher.close();
        later.close();
    }
}
