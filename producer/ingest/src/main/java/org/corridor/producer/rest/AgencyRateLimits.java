package org.corridor.producer.rest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Each agency's budget of alerts per second ({@code corridor.ingest.rate-limit}): resilience4j's rate limiter, one
 * per agency, refreshed every second, never waiting. A request takes one permit; a batch takes one more per alert
 * after the first, so a batch of 500 costs what 500 single requests cost. Thread-safe.
 */
final class AgencyRateLimits {

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    AgencyRateLimits(int perSecond) {
        this.config = RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Takes {@code permits} of the agency's budget, all or none. */
    boolean acquire(String agencyId, int permits) {
        if (permits <= 0) {
            return true;
        }
        return limiters.computeIfAbsent(agencyId, id -> RateLimiter.of("ingest-" + id, config)).acquirePermission(permits);
    }

    int perSecond() {
        return config.getLimitForPeriod();
    }

    /** Seconds until the budget refreshes: at most one period away. */
    long retryAfterSeconds() {
        return Math.max(1, config.getLimitRefreshPeriod().toSeconds());
    }
}
