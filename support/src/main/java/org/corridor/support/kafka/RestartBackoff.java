package org.corridor.support.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a stopped {@link TopicFollower} waits before its next restart: {@code first}, doubled for every restart
 * that did not catch up, never more than {@code max}.
 */
public record RestartBackoff(Duration first, Duration max) {

    /** One second, doubling up to a minute. */
    public static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RestartBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first restart delay must be positive, was " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max restart delay " + max + " must be >= first " + first);
        }
    }

    /** The delay before restart number {@code attempt} (1 = the first since the follower was last UP). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        Duration d = first;
        for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
