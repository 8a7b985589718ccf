package org.corridor.support.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * What a {@link TopicFollower}'s view is worth at a moment, as an immutable value whose transitions are pure (tested
 * without a broker). {@code STARTING} until the first catch-up; {@code UP} once everything committed when the
 * follower started has been read; {@code DOWN} from a stop (a non-retriable error) until the restarted follower has
 * caught up again; {@code CLOSED} for good. {@code reason} says why the view is DOWN (null when UP or STARTING);
 * {@code restarts} counts the restarts since the start; {@code since} is when the state was entered.
 */
public record FollowerStatus(State state, String reason, int restarts, Instant since) {

    /** Worst first: the order in which {@link #worst} picks a summary. */
    public enum State { DOWN, CLOSED, STARTING, UP }

    public FollowerStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be >= 0, was " + restarts);
        }
        if (state == State.DOWN && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a DOWN follower needs a reason");
        }
    }

    /** A follower that has just been created. */
    public static FollowerStatus starting(Instant now) {
        return new FollowerStatus(State.STARTING, null, 0, now);
    }

    /** The view has read everything committed when its consumer started: UP, unless closed. */
    public FollowerStatus caughtUp(Instant now) {
        return state == State.STARTING || state == State.DOWN ? new FollowerStatus(State.UP, null, restarts, now) : this;
    }

    /** The follower stopped on a non-retriable error: DOWN with the reason, unless closed. */
    public FollowerStatus stopped(String why, Instant now) {
        if (state == State.CLOSED) {
            return this;
        }
        // A second stop before the view caught up keeps the moment it first went down: that is how long it has been stale.
        Instant downSince = state == State.DOWN ? since : now;
        return new FollowerStatus(State.DOWN, why, restarts, downSince);
    }

    /** A new consumer replaces the stopped one: still DOWN until it catches up. */
    public FollowerStatus restarted() {
        return state == State.DOWN ? new FollowerStatus(State.DOWN, reason, restarts + 1, since) : this;
    }

    /** Closed by its owner: stays closed. */
    public FollowerStatus closed(Instant now) {
        return state == State.CLOSED ? this : new FollowerStatus(State.CLOSED, "closed", restarts, now);
    }

    public boolean up() {
        return state == State.UP;
    }

    /** The worst of some states ({@code UP} when there are none): what a service's followers amount to. */
    public static State worst(Collection<State> states) {
        return states.stream().min(Enum::compareTo).orElse(State.UP);
    }
}
