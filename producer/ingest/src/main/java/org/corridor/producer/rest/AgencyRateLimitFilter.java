package org.corridor.producer.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridor.producer.metrics.IngestMetrics;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: each request takes one permit of its agency's {@link AgencyRateLimits} (a batch takes the
 * rest in its handler). A request over the budget gets 429 with the seconds until the next refresh in Retry-After,
 * so one agency's runaway script cannot starve the others.
 */
final class AgencyRateLimitFilter extends OncePerRequestFilter {

    private final AgencyRateLimits limits;
    private final IngestMetrics metrics;

    AgencyRateLimitFilter(AgencyRateLimits limits, IngestMetrics metrics) {
        this.limits = limits;
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
        if (limits.acquire(agency.id(), 1)) {
            chain.doFilter(request, response);
            return;
        }
        metrics.rejected(agency.id(), IngestMetrics.Reason.TOO_MANY_REQUESTS);
        long seconds = limits.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"urn:corridor:problem:rate-limited\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"agency " + agency.id() + " may send " + limits.perSecond()
                + " alerts per second; retry after " + seconds + " s\"}");
    }
}
