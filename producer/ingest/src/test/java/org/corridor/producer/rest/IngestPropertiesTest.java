package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    private static IngestProperties with(AgencyAccount... agencies) {
        return new IngestProperties(List.of(agencies), "http://localhost:8081", DataSize.ofKilobytes(256), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofHours(24), 3, (short) 1, 1000, 100_000, 500, DataSize.ofMegabytes(8), 8, 1000);
    }

    private static AgencyAccount agency(String id, char token) {
        return new AgencyAccount(id, "KZ", id, String.valueOf(token).repeat(64), null);
    }

    @Test
    void twoAgenciesWithOneTokenStopTheStartNamingBoth() {
        assertThatThrownBy(() -> with(agency("kz-customs", 'a'), agency("tj-drug-control", 'a')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corridor.ingest.agencies: agencies kz-customs and tj-drug-control have the same token"
                        + " (token-sha256): each agency needs a token of its own");
    }

    @Test
    void anAgencyListedTwiceStopsTheStart() {
        assertThatThrownBy(() -> with(agency("kz-customs", 'a'), agency("kz-customs", 'b')))
                .hasMessage("corridor.ingest.agencies: agency kz-customs is listed twice");
    }

    @Test
    void distinctTokensStart() {
        assertThatCode(() -> with(agency("kz-customs", 'a'), agency("tj-drug-control", 'b'))).doesNotThrowAnyException();
    }
}
