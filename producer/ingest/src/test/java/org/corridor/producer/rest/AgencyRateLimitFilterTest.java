package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.corridor.producer.metrics.IngestMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AgencyRateLimitFilterTest {

    private static final AgencyAccount KZ = new AgencyAccount("kz-customs", "KZ", "KZ customs", "0".repeat(64), null);
    private static final AgencyAccount TJ = new AgencyAccount("tj-drug-control", "TJ", "TJ DCA", "1".repeat(64), null);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AgencyRateLimitFilter filter = new AgencyRateLimitFilter(new AgencyRateLimits(3), new IngestMetrics(meters));

    private MockHttpServletResponse call(AgencyAccount agency) throws Exception {
        return call(agency, DispatcherType.REQUEST);
    }

    private MockHttpServletResponse call(AgencyAccount agency, DispatcherType dispatch) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/alerts");
        request.setDispatcherType(dispatch);
        request.setAttribute(AgencyAuthFilter.AGENCY, agency);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void theRequestOverTheLimitGets429WithRetryAfterAndOtherAgenciesAreNotAffected() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call(KZ).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = call(KZ);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        assertThat(limited.getContentAsString()).contains("agency kz-customs may send 3 alerts per second");
        assertThat(call(TJ).getStatus()).isEqualTo(200);
        assertThat(meters.find("corridor.ingest.alerts").tag("reason", "too_many_requests").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theAsyncDispatchThatWritesAnAnswerTakesNoSecondPermit() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call(KZ).getStatus()).isEqualTo(200);
            assertThat(call(KZ, DispatcherType.ASYNC).getStatus()).isEqualTo(200);
        }
        assertThat(call(KZ).getStatus()).isEqualTo(429);
    }
}
