package org.corridor.producer.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridor.producer.metrics.IngestMetrics;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: each agency may make {@code corridor.ingest.rate-limit} requests per second (resilience4j's
 * rate limiter, one per agency, refreshed every second). One more gets 429 with the seconds until the next refresh
 * in Retry-After, so one agency's runaway script cannot starve the others.
 */
final class AgencyRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final IngestMetrics metrics;

    AgencyRateLimitFilter(int perSecond, IngestMetrics metrics) {
        this.config = RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(AgencyAuthFilter.AGENCY) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AgencyAccount agency = (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
        RateLimiter limiter = limiters.computeIfAbsent(agency.id(), id -> RateLimiter.of("ingest-" + id, config));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        metrics.rejected(agency.id(), IngestMetrics.Reason.TOO_MANY_REQUESTS);
        // Permits come back at the next refresh, at most one period (a second) away.
        long seconds = Math.max(1, config.getLimitRefreshPeriod().toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"urn:corridor:problem:rate-limited\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"agency " + agency.id() + " may make " + config.getLimitForPeriod()
                + " requests per second; retry after " + seconds + " s\"}");
    }
}
