package org.corridor.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void aUuidOrAW3cTraceIdIsPassedOn() {
        assertThat(Headers.isValidTraceId(UUID.randomUUID().toString())).isTrue();
        assertThat(Headers.isValidTraceId("4bf92f3577b34da6a3ce929d0e0e4736")).isTrue();
        assertThat(Headers.isValidTraceId("ingest:batch-7.3_a")).isTrue();
    }

    @Test
    void anythingElseIsReplaced() {
        assertThat(Headers.isValidTraceId(null)).isFalse();
        assertThat(Headers.isValidTraceId("")).isFalse();
        assertThat(Headers.isValidTraceId("x".repeat(65))).isFalse();
        assertThat(Headers.isValidTraceId("x".repeat(1_000_000))).isFalse();
        assertThat(Headers.isValidTraceId("abc\ndef")).isFalse();
        assertThat(Headers.isValidTraceId("<script>")).isFalse();
        assertThat(Headers.isValidTraceId("trace id")).isFalse();
    }
}
