package org.corridor.producer.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.corridor.schemas.avro.Priority;

/**
 * When a question to an alert's originator is due: at the {@code dueAt} the asking body gave, or else its priority's
 * default after the question was routed (URGENT 4 hours, PRIORITY 24 hours, ROUTINE 72 hours unless configured).
 * Immutable; pure.
 */
public final class QuestionDue {

    /** The defaults: URGENT 4 h, PRIORITY 24 h, ROUTINE 72 h. */
    public static final QuestionDue DEFAULTS = new QuestionDue(Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(72));

    private final Map<Priority, Duration> limits = new EnumMap<>(Priority.class);

    public QuestionDue(Duration urgent, Duration priority, Duration routine) {
        limits.put(Priority.URGENT, Objects.requireNonNull(urgent, "urgent"));
        limits.put(Priority.PRIORITY, Objects.requireNonNull(priority, "priority"));
        limits.put(Priority.ROUTINE, Objects.requireNonNull(routine, "routine"));
    }

    /**
     * @param dueAt    the due time the question gave, or null
     * @param routedAt when the router decided on the question
     * @param priority its Priority symbol, or null (read as ROUTINE, the longest default)
     */
    public Instant due(Instant dueAt, Instant routedAt, String priority) {
        if (dueAt != null) {
            return dueAt;
        }
        Priority p;
        try {
            p = priority == null ? Priority.ROUTINE : Priority.valueOf(priority);
        } catch (IllegalArgumentException unknown) {
            p = Priority.ROUTINE;
        }
        return routedAt.plus(limits.get(p));
    }
}
