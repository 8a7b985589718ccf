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

    @Test
    void theScanAgreesWithTheDocumentedFormOnGeneratedCases() {
        java.util.regex.Pattern form = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");
        java.util.Random random = new java.util.Random(20261201L);
        String alphabet = "aZ09._:-/ \n\u00e9\u0000;,=";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = id.toString();
            assertThat(Headers.isValidTraceId(s)).as("\"%s\"", s).isEqualTo(form.matcher(s).matches());
        }
    }
}
