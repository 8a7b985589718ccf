package org.corridor.producer.rest;

import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.support.http.BearerAgencyFilter;
import org.corridor.support.http.Problems;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The agencies' {@code Authorization: Bearer <token>} as a step of the ingest's Spring Security chain
 * ({@link IngestSecurity}): the token decides the agency, kept as the Spring Security principal and, for the
 * handlers, as request attributes. Authorisation is not decided here but by the chain's rules on the matched paths.
 */
final class AgencyAuthFilter {

    static final String AGENCY = AgencyAuthFilter.class.getName() + ".agency";

    private AgencyAuthFilter() {
    }

    static BearerAgencyFilter<AgencyAccount> create(AgencyTokens tokens, AuthenticationEntryPoint unauthorized) {
        return new BearerAgencyFilter<>(tokens::authenticate, AgencyAccount::id, (request, agency) -> {
            request.setAttribute(AGENCY, agency);
            request.setAttribute(org.corridor.producer.status.StatusAuth.AGENCY_ID, agency.id());
        }, unauthorized);
    }

    /** 401 with a problem body that never echoes the token, counted as an UNAUTHORIZED rejection. */
    static AuthenticationEntryPoint unauthorized(IngestMetrics metrics) {
        AuthenticationEntryPoint problem = Problems.unauthorized("Bearer", "Authorization: Bearer <agency token>");
        return (request, response, e) -> {
            metrics.rejected(null, IngestMetrics.Reason.UNAUTHORIZED);
            problem.commence(request, response, e);
        };
    }
}
