package org.corridor.producer.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridor.producer.metrics.IngestMetrics;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/} request needs {@code Authorization: Bearer <token>}; the token decides the agency, stored as a
 * request attribute. Anything else gets 401 with a problem body that never echoes the token.
 */
final class AgencyAuthFilter extends OncePerRequestFilter {

    static final String AGENCY = AgencyAuthFilter.class.getName() + ".agency";
    private final AgencyTokens tokens;
    private final IngestMetrics metrics;

    AgencyAuthFilter(AgencyTokens tokens, IngestMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        var agency = tokens.authenticate(token);
        if (agency.isEmpty()) {
            metrics.rejected(null, IngestMetrics.Reason.UNAUTHORIZED);
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"corridor\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:corridor:problem:unauthorized\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"" + (token == null ? "Authorization: Bearer <agency token> is required"
                    : "the bearer token is not valid") + "\"}");
            return;
        }
        request.setAttribute(AGENCY, agency.get());
        request.setAttribute(org.corridor.producer.status.StatusAuth.AGENCY_ID, agency.get().id());
        chain.doFilter(request, response);
    }
}
