package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgencyRateLimitsTest {

    @Test
    void aBatchTakesOnePermitPerAlertAllOrNone() {
        AgencyRateLimits limits = new AgencyRateLimits(60);
        assertThat(limits.acquire("kz-customs", 50)).isTrue();
        // 10 left this second: a batch of 50 more is refused whole, and leaves the 10 for smaller requests.
        assertThat(limits.acquire("kz-customs", 50)).isFalse();
        assertThat(limits.acquire("kz-customs", 10)).isTrue();
        assertThat(limits.acquire("kz-customs", 1)).isFalse();
    }

    @Test
    void eachAgencyHasItsOwnBudget() {
        AgencyRateLimits limits = new AgencyRateLimits(5);
        assertThat(limits.acquire("kz-customs", 5)).isTrue();
        assertThat(limits.acquire("tj-drug-control", 5)).isTrue();
        assertThat(limits.acquire("kz-customs", 0)).isTrue();
    }
}
